// The map's languages and its own words in each, written for this project
// (the names of places come from the data: MapNames).
#include <borderline/error.hpp>
#include <borderline/input.hpp>
#include <borderline/map_language.hpp>
#include <borderline/safe_text.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <sstream>

namespace borderline {

namespace {

constexpr std::size_t kWords = static_cast<std::size_t>(MapWord::context_area) + 1;

struct Words {
    const char* code;
    std::array<const char*, kWords> text;  // in the order of MapWord
};

// Each row in the order of MapWord. Typographic conventions follow each
// language: French spaces before a colon and inside guillemets, German
// low-high quotes, Chinese full-width punctuation.
const std::array<Words, 8> kTable{{
    {"en",
     {"Disputed area, hatched in the claimants' colours",
      "Disputed area, shown as {} claims it",
      "Border in question",
      "International boundary",
      "Disputed boundary or claim line",
      "Ceasefire line / line of control",
      "Maritime boundary (median or treaty line)",
      "Disputed maritime boundary",
      "Also named in the article: {}",
      ", ",
      "{} {}: \u201C{}\u201D",
      "{} (settled {})",
      "Data: Natural Earth (public domain), GeoNames (CC BY 4.0), world-countries (ODbL).",
      "Map: borderline.",
      "Source: {}",
      "Boundaries shown are not endorsed; disputed areas are marked as such.",
      "km",
      "mi",
      "asserts",
      "denies",
      "accuses",
      "demands",
      "reports",
      "{}'s claim line",
      "{}'s claim line (approximate course)",
      "Other disputed area, not the story's"}},
    {"fr",
     {"Zone disputée, hachurée aux couleurs des parties qui la revendiquent",
      "Zone disputée, représentée telle que la revendique : {}",
      "Frontière en question",
      "Frontière internationale",
      "Frontière contestée ou ligne de revendication",
      "Ligne de cessez-le-feu / ligne de contrôle",
      "Limite maritime (ligne médiane ou conventionnelle)",
      "Limite maritime contestée",
      "Également cités dans l\u2019article : {}",
      ", ",
      "{} {} : \u00AB\u00A0{}\u00A0\u00BB",
      "{} (réglé en {})",
      "Données : Natural Earth (domaine public), GeoNames (CC BY 4.0), world-countries (ODbL).",
      "Carte : borderline.",
      "Source : {}",
      "Les frontières représentées n\u2019impliquent aucune reconnaissance ; les zones disputées sont signalées "
      "comme telles.",
      "km",
      "mi",
      "affirme",
      "dément",
      "accuse",
      "exige",
      "rapporte",
      "Ligne revendiquée par : {}",
      "Ligne revendiquée par : {} (tracé approximatif)",
      "Autre zone disputée, hors du sujet de l\u2019article"}},
    {"es",
     {"Zona en disputa, rayada con los colores de quienes la reclaman",
      "Zona en disputa, representada según la reclama: {}",
      "Frontera en cuestión",
      "Frontera internacional",
      "Frontera en disputa o línea de reclamación",
      "Línea de alto el fuego / línea de control",
      "Límite marítimo (línea media o de tratado)",
      "Límite marítimo en disputa",
      "También mencionados en el artículo: {}",
      ", ",
      "{} {}: \u00AB{}\u00BB",
      "{} (resuelto en {})",
      "Datos: Natural Earth (dominio público), GeoNames (CC BY 4.0), world-countries (ODbL).",
      "Mapa: borderline.",
      "Fuente: {}",
      "Las fronteras representadas no implican respaldo; las zonas en disputa se señalan como tales.",
      "km",
      "mi",
      "afirma",
      "niega",
      "acusa",
      "exige",
      "informa",
      "Línea reclamada por: {}",
      "Línea reclamada por: {} (trazado aproximado)",
      "Otra zona en disputa, ajena a la noticia"}},
    {"de",
     {"Umstrittenes Gebiet, schraffiert in den Farben der Anspruchsteller",
      "Umstrittenes Gebiet, dargestellt nach dem Anspruch von: {}",
      "Grenze, um die es geht",
      "Staatsgrenze",
      "Umstrittene Grenze oder Anspruchslinie",
      "Waffenstillstandslinie / Kontrolllinie",
      "Seegrenze (Mittellinie oder Vertragslinie)",
      "Umstrittene Seegrenze",
      "Ebenfalls im Artikel genannt: {}",
      ", ",
      "{} {}: \u201E{}\u201C",
      "{} (beigelegt {})",
      "Daten: Natural Earth (gemeinfrei), GeoNames (CC BY 4.0), world-countries (ODbL).",
      "Karte: borderline.",
      "Quelle: {}",
      "Die dargestellten Grenzen bedeuten keine Anerkennung; umstrittene Gebiete sind als solche gekennzeichnet.",
      "km",
      "mi",
      "bekräftigt",
      "bestreitet",
      "beschuldigt",
      "fordert",
      "berichtet",
      "Anspruchslinie: {}",
      "Anspruchslinie: {} (ungefährer Verlauf)",
      "Anderes umstrittenes Gebiet, nicht Thema des Artikels"}},
    {"pt",
     {"Área disputada, tracejada nas cores de quem a reivindica",
      "Área disputada, representada conforme a reivindica: {}",
      "Fronteira em questão",
      "Fronteira internacional",
      "Fronteira disputada ou linha de reivindicação",
      "Linha de cessar-fogo / linha de controlo",
      "Fronteira marítima (linha mediana ou de tratado)",
      "Fronteira marítima disputada",
      "Também citados no artigo: {}",
      ", ",
      "{} {}: \u201C{}\u201D",
      "{} (resolvido em {})",
      "Dados: Natural Earth (domínio público), GeoNames (CC BY 4.0), world-countries (ODbL).",
      "Mapa: borderline.",
      "Fonte: {}",
      "As fronteiras representadas não implicam reconhecimento; as áreas disputadas estão assinaladas como tal.",
      "km",
      "mi",
      "afirma",
      "nega",
      "acusa",
      "exige",
      "relata",
      "Linha reivindicada por: {}",
      "Linha reivindicada por: {} (traçado aproximado)",
      "Outra área disputada, fora do tema do artigo"}},
    {"ru",
     {"Спорная территория, заштрихована цветами претендующих сторон",
      "Спорная территория, показана согласно притязаниям: {}",
      "Граница, о которой идёт речь",
      "Государственная граница",
      "Спорная граница или линия притязаний",
      "Линия прекращения огня / линия контроля",
      "Морская граница (срединная или договорная линия)",
      "Спорная морская граница",
      "Также упоминаются в статье: {}",
      ", ",
      "{} {}: \u00AB{}\u00BB",
      "{} (урегулирован в {} г.)",
      "Данные: Natural Earth (общественное достояние), GeoNames (CC BY 4.0), world-countries (ODbL).",
      "Карта: borderline.",
      "Источник: {}",
      "Показанные границы не означают их признания; спорные территории обозначены как таковые.",
      "км",
      "миль",
      "заявляет",
      "отрицает",
      "обвиняет",
      "требует",
      "сообщает",
      "Линия притязаний: {}",
      "Линия притязаний: {} (приблизительно)",
      "Другая спорная территория, не тема статьи"}},
    {"ar",
     {"منطقة متنازع عليها، مظللة بألوان الأطراف المطالبة بها",
      "منطقة متنازع عليها، كما تطالب بها: {}",
      "الحدود موضوع الخبر",
      "حدود دولية",
      "حدود متنازع عليها أو خط مطالبة",
      "خط وقف إطلاق النار / خط السيطرة",
      "حدود بحرية (خط الوسط أو خط معاهدة)",
      "حدود بحرية متنازع عليها",
      "ورد ذكرها أيضًا في المقال: {}",
      "، ",
      "{} {}: \u00AB{}\u00BB",
      "{} (سُوّي عام {})",
      "البيانات: Natural Earth (ملكية عامة)، GeoNames (CC BY 4.0)، world-countries (ODbL).",
      "الخريطة: borderline.",
      "المصدر: {}",
      "الحدود المعروضة لا تعني الاعتراف بها؛ والمناطق المتنازع عليها مميزة بوصفها كذلك.",
      "كم",
      "ميل",
      "تؤكد",
      "تنفي",
      "تتهم",
      "تطالب",
      "تفيد",
      "خط مطالبة: {}",
      "خط مطالبة: {} (مسار تقريبي)",
      "منطقة أخرى متنازع عليها، خارج موضوع المقال"}},
    {"zh",
     {"争议地区（以各声索方颜色加斜线表示）",
      "争议地区（按{}的主张绘制）",
      "所涉边界",
      "国际边界",
      "争议边界或主张线",
      "停火线／控制线",
      "海上边界（中间线或条约线）",
      "有争议的海上边界",
      "文中亦提及：{}",
      "、",
      "{}{}：\u201C{}\u201D",
      "{}（{}年已解决）",
      "数据：Natural Earth（公有领域）、GeoNames（CC BY 4.0）、world-countries（ODbL）。",
      "地图：borderline。",
      "来源：{}",
      "所示边界不代表认可；争议地区均已标明。",
      "公里",
      "英里",
      "声称",
      "否认",
      "指责",
      "要求",
      "报道",
      "{}主张线",
      "{}主张线（大致走向）",
      "其他争议地区（非本文主题）"}},
}};

const Words* find_words(std::string_view code) {
    const auto it = std::find_if(kTable.begin(), kTable.end(), [&](const Words& w) { return code == w.code; });
    return it == kTable.end() ? nullptr : &*it;
}

}  // namespace

const std::vector<std::string>& map_languages() {
    static const std::vector<std::string> codes = [] {
        std::vector<std::string> v;
        for (const auto& w : kTable) v.emplace_back(w.code);
        return v;
    }();
    return codes;
}

bool is_map_language(std::string_view code) { return find_words(code) != nullptr; }

std::string map_language_list() {
    std::string out;
    for (const auto& c : map_languages()) out += (out.empty() ? "" : ", ") + c;
    return out;
}

bool right_to_left(std::string_view code) { return code == "ar"; }

void check_map_language(std::string_view code) {
    if (!is_map_language(code)) {
        throw UsageError("lang '" + printable_text(std::string(code.substr(0, 40))) + "' is not a map language (" +
                             map_language_list() + ")",
                         "lang");
    }
}

std::string_view map_word(std::string_view lang, MapWord word) {
    const Words* w = find_words(lang);
    if (w == nullptr) w = &kTable[0];
    return w->text[static_cast<std::size_t>(word)];
}

std::string stance_word(std::string_view lang, std::string_view stance) {
    static constexpr std::array<std::pair<std::string_view, MapWord>, 5> kStances{{{"asserts", MapWord::asserts},
                                                                                   {"denies", MapWord::denies},
                                                                                   {"accuses", MapWord::accuses},
                                                                                   {"demands", MapWord::demands},
                                                                                   {"reports", MapWord::reports}}};
    for (const auto& [en, word] : kStances) {
        if (stance == en) return std::string(map_word(lang, word));
    }
    return std::string(stance);
}

std::string fill_in(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    std::size_t next = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern.compare(i, 2, "{}") == 0 && next < args.size()) {
            out += args[next++];
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

MapNames MapNames::read(const std::vector<std::filesystem::path>& files) {
    MapNames m;
    for (const auto& file : files) {
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) continue;
        InputBounds bounds;
        bounds.max_bytes = 64u << 20;
        std::istringstream in(read_bounded(file.string(), bounds));
        std::string line;
        std::size_t n = 0;
        while (std::getline(in, line)) {
            ++n;
            if (line.empty() || line[0] == '#') continue;
            const auto a = line.find('\t');
            const auto b = a == std::string::npos ? a : line.find('\t', a + 1);
            if (b == std::string::npos || a == 0 || b == a + 1 || b + 1 >= line.size()) {
                throw DataError(file.string() + ":" + std::to_string(n) + ": needs KEY<TAB>LANG<TAB>NAME");
            }
            m.names_[line.substr(0, b)] = line.substr(b + 1);  // later files override
        }
    }
    return m;
}

const std::string* MapNames::find(std::string_view key, std::string_view lang) const {
    std::string k;
    k.reserve(key.size() + 1 + lang.size());
    k.append(key).append(1, '\t').append(lang);
    const auto it = names_.find(k);
    return it == names_.end() ? nullptr : &it->second;
}

}  // namespace borderline
