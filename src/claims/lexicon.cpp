// Word lists of the claims stage (see lexicon.hpp). Kept apart from the
// matching code so that adding a verb or a title is a one-line change.
#include "claims/lexicon.hpp"

#include <array>

namespace borderline::claims_lexicon {

namespace {

template <std::size_t N>
WordTable as_set(const std::array<std::string_view, N>& list) {
    return WordTable(list, [](std::string_view w) { return w; });
}

using C = CueClass;
using Need = CueNeeds;

constexpr std::array kCues{
    // Neutral speech: the stance is read from what is said.
    CueWord{"say", C::say, Need::none},
    CueWord{"says", C::say, Need::none},
    CueWord{"said", C::say, Need::none},
    CueWord{"saying", C::say, Need::none},
    CueWord{"state", C::say, Need::that_or_to},
    CueWord{"states", C::say, Need::that_or_to},
    CueWord{"stated", C::say, Need::none},
    CueWord{"stating", C::say, Need::that_or_to},
    CueWord{"tell", C::say, Need::none},
    CueWord{"tells", C::say, Need::none},
    CueWord{"told", C::say, Need::none},
    CueWord{"add", C::say, Need::none},
    CueWord{"adds", C::say, Need::none},
    CueWord{"added", C::say, Need::none},
    CueWord{"adding", C::say, Need::none},
    CueWord{"claim", C::say, Need::none},
    CueWord{"claims", C::say, Need::none},
    CueWord{"claimed", C::say, Need::none},
    CueWord{"claiming", C::say, Need::none},
    CueWord{"insist", C::say, Need::none},
    CueWord{"insists", C::say, Need::none},
    CueWord{"insisted", C::say, Need::none},
    CueWord{"insisting", C::say, Need::none},
    CueWord{"maintain", C::say, Need::that_or_to},
    CueWord{"maintains", C::say, Need::that_or_to},
    CueWord{"maintained", C::say, Need::that_or_to},
    CueWord{"argue", C::say, Need::none},
    CueWord{"argues", C::say, Need::none},
    CueWord{"argued", C::say, Need::none},
    CueWord{"arguing", C::say, Need::none},
    CueWord{"declare", C::say, Need::none},
    CueWord{"declares", C::say, Need::none},
    CueWord{"declared", C::say, Need::none},
    CueWord{"declaring", C::say, Need::none},
    CueWord{"assert", C::say, Need::none},
    CueWord{"asserts", C::say, Need::none},
    CueWord{"asserted", C::say, Need::none},
    CueWord{"asserting", C::say, Need::none},
    CueWord{"stressed", C::say, Need::none},
    CueWord{"stresses", C::say, Need::none},
    CueWord{"stressing", C::say, Need::none},
    CueWord{"warned", C::say, Need::none},
    CueWord{"warns", C::say, Need::none},
    CueWord{"warn", C::say, Need::none},
    CueWord{"warning", C::say, Need::that_or_to},
    CueWord{"wrote", C::say, Need::none},
    CueWord{"writes", C::say, Need::none},
    CueWord{"tweeted", C::say, Need::none},
    CueWord{"reiterated", C::say, Need::none},
    CueWord{"reiterate", C::say, Need::none},
    CueWord{"reiterates", C::say, Need::none},
    CueWord{"reiterating", C::say, Need::none},
    CueWord{"emphasised", C::say, Need::none},
    CueWord{"emphasized", C::say, Need::none},
    CueWord{"emphasise", C::say, Need::none},
    CueWord{"emphasises", C::say, Need::none},
    CueWord{"emphasising", C::say, Need::none},
    CueWord{"emphasize", C::say, Need::none},
    CueWord{"emphasizes", C::say, Need::none},
    CueWord{"emphasizing", C::say, Need::none},
    CueWord{"affirmed", C::say, Need::none},
    CueWord{"affirm", C::say, Need::none},
    CueWord{"affirms", C::say, Need::none},
    CueWord{"reaffirm", C::say, Need::none},
    CueWord{"reaffirms", C::say, Need::none},
    CueWord{"reaffirmed", C::say, Need::none},
    CueWord{"reaffirming", C::say, Need::none},
    CueWord{"explained", C::say, Need::none},
    CueWord{"explains", C::say, Need::none},
    CueWord{"noted", C::say, Need::that_or_to},
    CueWord{"note", C::say, Need::that_or_to},
    CueWord{"notes", C::say, Need::that_or_to},
    CueWord{"insisting", C::say, Need::none},
    // Reporting: a fact passed on, not argued.
    CueWord{"reported", C::report, Need::none},
    CueWord{"reports", C::report, Need::that_or_to},
    CueWord{"announced", C::report, Need::none},
    CueWord{"announces", C::report, Need::none},
    CueWord{"confirmed", C::report, Need::none},
    CueWord{"confirms", C::report, Need::none},
    CueWord{"informed", C::report, Need::none},
    // Denial.
    CueWord{"deny", C::deny, Need::none},
    CueWord{"denies", C::deny, Need::none},
    CueWord{"denied", C::deny, Need::none},
    CueWord{"denying", C::deny, Need::none},
    CueWord{"reject", C::deny, Need::none},
    CueWord{"rejects", C::deny, Need::none},
    CueWord{"rejected", C::deny, Need::none},
    CueWord{"rejecting", C::deny, Need::none},
    CueWord{"dismissed", C::deny, Need::none},
    CueWord{"dismisses", C::deny, Need::none},
    CueWord{"dismissing", C::deny, Need::none},
    CueWord{"dismiss", C::deny, Need::none},
    CueWord{"refuted", C::deny, Need::none},
    CueWord{"refutes", C::deny, Need::none},
    CueWord{"refuting", C::deny, Need::none},
    CueWord{"refute", C::deny, Need::none},
    CueWord{"rebuffed", C::deny, Need::none},
    CueWord{"rebuffs", C::deny, Need::none},
    CueWord{"rebuffing", C::deny, Need::none},
    CueWord{"rebuff", C::deny, Need::none},
    CueWord{"dispute", C::deny, Need::object},
    CueWord{"disputes", C::deny, Need::object},
    CueWord{"disputed", C::deny, Need::object},
    CueWord{"disputing", C::deny, Need::object},
    CueWord{"contested", C::deny, Need::object},
    CueWord{"contests", C::deny, Need::object},
    CueWord{"contesting", C::deny, Need::object},
    CueWord{"contest", C::deny, Need::object},
    // Accusation.
    CueWord{"accuse", C::accuse, Need::none},
    CueWord{"accuses", C::accuse, Need::none},
    CueWord{"accused", C::accuse, Need::none},
    CueWord{"accusing", C::accuse, Need::none},
    CueWord{"blame", C::accuse, Need::none},
    CueWord{"blames", C::accuse, Need::none},
    CueWord{"blamed", C::accuse, Need::none},
    CueWord{"blaming", C::accuse, Need::none},
    CueWord{"condemned", C::accuse, Need::none},
    CueWord{"condemns", C::accuse, Need::none},
    CueWord{"condemning", C::accuse, Need::none},
    CueWord{"condemn", C::accuse, Need::none},
    CueWord{"denounced", C::accuse, Need::none},
    CueWord{"denounces", C::accuse, Need::none},
    CueWord{"denouncing", C::accuse, Need::none},
    CueWord{"denounce", C::accuse, Need::none},
    CueWord{"alleged", C::accuse, Need::that_or_to},
    CueWord{"alleges", C::accuse, Need::that_or_to},
    CueWord{"alleging", C::accuse, Need::that_or_to},
    CueWord{"allege", C::accuse, Need::that_or_to},
    CueWord{"suspected", C::accuse, Need::of_or_by},
    CueWord{"suspects", C::accuse, Need::of_or_by},
    // Demands.
    CueWord{"demand", C::demand, Need::none},
    CueWord{"demands", C::demand, Need::none},
    CueWord{"demanded", C::demand, Need::none},
    CueWord{"demanding", C::demand, Need::none},
    CueWord{"urge", C::demand, Need::none},
    CueWord{"urges", C::demand, Need::none},
    CueWord{"urged", C::demand, Need::none},
    CueWord{"urging", C::demand, Need::none},
    CueWord{"call", C::demand, Need::for_or_on},
    CueWord{"calls", C::demand, Need::for_or_on},
    CueWord{"called", C::demand, Need::for_or_on},
    CueWord{"calling", C::demand, Need::for_or_on},
    CueWord{"ask", C::demand, Need::to_soon},
    CueWord{"asks", C::demand, Need::to_soon},
    CueWord{"asked", C::demand, Need::to_soon},
    CueWord{"asking", C::demand, Need::to_soon},
    CueWord{"request", C::demand, Need::none},
    CueWord{"requests", C::demand, Need::none},
    CueWord{"requested", C::demand, Need::none},
    CueWord{"requesting", C::demand, Need::none},
    CueWord{"appealed", C::demand, Need::that_or_to},
    CueWord{"appeals", C::demand, Need::that_or_to},
    CueWord{"appeal", C::demand, Need::that_or_to},
    CueWord{"appealing", C::demand, Need::that_or_to},
    CueWord{"expect", C::demand, Need::to_soon},
    CueWord{"expects", C::demand, Need::to_soon},
    CueWord{"expected", C::demand, Need::to_soon},
    CueWord{"expecting", C::demand, Need::to_soon},
    CueWord{"want", C::demand, Need::to_soon},
    CueWord{"wants", C::demand, Need::to_soon},
    CueWord{"wanted", C::demand, Need::to_soon},
    // Positions: asserts as they stand, denies when negated.
    CueWord{"recognise", C::say, Need::none},
    CueWord{"recognises", C::say, Need::none},
    CueWord{"recognised", C::say, Need::none},
    CueWord{"recognize", C::say, Need::none},
    CueWord{"recognizes", C::say, Need::none},
    CueWord{"recognized", C::say, Need::none},
    CueWord{"recognising", C::say, Need::none},
    CueWord{"recognizing", C::say, Need::none},
    CueWord{"accept", C::say, Need::none},
    CueWord{"accepts", C::say, Need::none},
    CueWord{"accepted", C::say, Need::none},
    CueWord{"accepting", C::say, Need::none},
    CueWord{"acknowledge", C::say, Need::none},
    CueWord{"acknowledges", C::say, Need::none},
    CueWord{"acknowledged", C::say, Need::none},
    CueWord{"acknowledging", C::say, Need::none},
    CueWord{"regard", C::say, Need::as_part},
    CueWord{"regards", C::say, Need::as_part},
    CueWord{"regarded", C::say, Need::as_part},
    CueWord{"consider", C::say, Need::as_part},
    CueWord{"considers", C::say, Need::as_part},
    CueWord{"considered", C::say, Need::as_part},
    // Objections: a position against the other side's act or claim. (Not
    // "oppose": "would oppose any change to the borders" asserts them.)
    CueWord{"object", C::deny, Need::to_soon},
    CueWord{"objects", C::deny, Need::to_soon},
    CueWord{"objected", C::deny, Need::to_soon},
    CueWord{"objecting", C::deny, Need::to_soon},
    // A claim of one's own held on to: "maintains its claim", "has
    // pressed its claim", "laid claim to".
    CueWord{"retain", C::say, Need::own_claim},
    CueWord{"retains", C::say, Need::own_claim},
    CueWord{"retained", C::say, Need::own_claim},
    CueWord{"retaining", C::say, Need::own_claim},
    CueWord{"keep", C::say, Need::own_claim},
    CueWord{"keeps", C::say, Need::own_claim},
    CueWord{"kept", C::say, Need::own_claim},
    CueWord{"keeping", C::say, Need::own_claim},
    CueWord{"press", C::say, Need::own_claim},
    CueWord{"presses", C::say, Need::own_claim},
    CueWord{"pressed", C::say, Need::own_claim},
    CueWord{"pressing", C::say, Need::own_claim},
    CueWord{"pursue", C::say, Need::own_claim},
    CueWord{"pursues", C::say, Need::own_claim},
    CueWord{"pursued", C::say, Need::own_claim},
    CueWord{"pursuing", C::say, Need::own_claim},
    CueWord{"renew", C::say, Need::own_claim},
    CueWord{"renews", C::say, Need::own_claim},
    CueWord{"renewed", C::say, Need::own_claim},
    CueWord{"renewing", C::say, Need::own_claim},
    CueWord{"reassert", C::say, Need::own_claim},
    CueWord{"reasserts", C::say, Need::own_claim},
    CueWord{"reasserted", C::say, Need::own_claim},
    CueWord{"reasserting", C::say, Need::own_claim},
    CueWord{"revive", C::say, Need::own_claim},
    CueWord{"revives", C::say, Need::own_claim},
    CueWord{"revived", C::say, Need::own_claim},
    CueWord{"reviving", C::say, Need::own_claim},
    CueWord{"uphold", C::say, Need::own_claim},
    CueWord{"upholds", C::say, Need::own_claim},
    CueWord{"upheld", C::say, Need::own_claim},
    CueWord{"upholding", C::say, Need::own_claim},
    CueWord{"lay", C::say, Need::own_claim},
    CueWord{"lays", C::say, Need::own_claim},
    CueWord{"laid", C::say, Need::own_claim},
    CueWord{"laying", C::say, Need::own_claim},
    // A claim of one's own given up (a denial that needs its own claim): no
    // claim as it stands ("Armenia dropped its claim") and an assertion
    // when negated ("has never dropped its claim"), as "did not deny" is.
    CueWord{"drop", C::deny, Need::own_claim},
    CueWord{"drops", C::deny, Need::own_claim},
    CueWord{"dropped", C::deny, Need::own_claim},
    CueWord{"dropping", C::deny, Need::own_claim},
    CueWord{"abandon", C::deny, Need::own_claim},
    CueWord{"abandons", C::deny, Need::own_claim},
    CueWord{"abandoned", C::deny, Need::own_claim},
    CueWord{"abandoning", C::deny, Need::own_claim},
    CueWord{"renounce", C::deny, Need::own_claim},
    CueWord{"renounces", C::deny, Need::own_claim},
    CueWord{"renounced", C::deny, Need::own_claim},
    CueWord{"renouncing", C::deny, Need::own_claim},
    CueWord{"relinquish", C::deny, Need::own_claim},
    CueWord{"relinquishes", C::deny, Need::own_claim},
    CueWord{"relinquished", C::deny, Need::own_claim},
    CueWord{"relinquishing", C::deny, Need::own_claim},
    CueWord{"waive", C::deny, Need::own_claim},
    CueWord{"waives", C::deny, Need::own_claim},
    CueWord{"waived", C::deny, Need::own_claim},
    CueWord{"waiving", C::deny, Need::own_claim},
    CueWord{"surrender", C::deny, Need::own_claim},
    CueWord{"surrenders", C::deny, Need::own_claim},
    CueWord{"surrendered", C::deny, Need::own_claim},
    CueWord{"surrendering", C::deny, Need::own_claim},
    CueWord{"cede", C::deny, Need::own_claim},
    CueWord{"cedes", C::deny, Need::own_claim},
    CueWord{"ceded", C::deny, Need::own_claim},
    CueWord{"ceding", C::deny, Need::own_claim},
    CueWord{"withdraw", C::deny, Need::own_claim},
    CueWord{"withdraws", C::deny, Need::own_claim},
    CueWord{"withdrew", C::deny, Need::own_claim},
    CueWord{"withdrawn", C::deny, Need::own_claim},
    CueWord{"withdrawing", C::deny, Need::own_claim},
    CueWord{"give", C::deny, Need::own_claim},
    CueWord{"gives", C::deny, Need::own_claim},
    CueWord{"gave", C::deny, Need::own_claim},
    CueWord{"given", C::deny, Need::own_claim},
    CueWord{"giving", C::deny, Need::own_claim},
};

constexpr auto kParticiples = std::to_array<std::string_view>(
    {"saying",     "claiming",   "insisting",   "arguing",     "adding",    "accusing",     "urging",
     "calling",    "denying",    "stressing",   "warning",     "blaming",   "demanding",    "rejecting",
     "dismissing", "condemning", "recognising", "recognizing", "accepting", "acknowledging"});

constexpr auto kTitles = std::to_array<std::string_view>(
    {"president",  "presidential", "prime",          "acting",         "minister",     "ministry",    "ministers",
     "foreign",    "defence",      "defense",        "interior",       "spokesman",    "spokeswoman", "spokesperson",
     "caretaker",  "deputy",       "vice",           "ambassador",     "envoy",        "leader",      "leaders",
     "leadership", "chief",        "general",        "commander",      "secretary",    "department",  "official",
     "officials",  "authorities",  "government",     "administration", "army",         "military",    "side",
     "head",       "premier",      "chancellor",     "king",           "queen",        "parliament",  "mission",
     "embassy",    "office",       "service",        "national",       "security",     "council",     "press",
     "diplomat",   "diplomats",    "representative", "delegation",     "aide",         "adviser",     "advisor",
     "senator",    "lawmaker",     "lawmakers",      "speaker",        "governor",     "top",         "senior",
     "state",      "affairs",      "negotiator",     "cabinet",        "junta",        "staff",       "command",
     "ombudsman",  "peacekeeping", "border",         "guard",          "guards",       "navy",        "former",
     "coast",      "committee",    "agency",         "bureau",         "directorate",  "commission",  "maritime",
     "federal",    "special",      "external",       "home",           "intelligence", "lawyer",      "lawyers",
     "counsel",    "attorney",     "attorneys"});

constexpr auto kBodies = std::to_array<std::string_view>(
    {"ministry",   "minister",       "government",  "authorities",  "officials", "official",    "office",
     "embassy",    "spokesman",      "spokeswoman", "spokesperson", "president", "leadership",  "leader",
     "parliament", "administration", "army",        "military",     "side",      "delegation",  "envoy",
     "ambassador", "mission",        "council",     "cabinet",      "diplomats", "premier",     "chancellor",
     "statement",  "service",        "committee",   "agency",       "bureau",    "directorate", "commission"});

constexpr auto kSkippable = std::to_array<std::string_view>(
    {",",          "has",        "have",       "had",       "was",        "were",     "is",       "are",
     "would",      "will",       "also",       "again",     "earlier",    "later",    "late",     "then",
     "on",         "in",         "a",          "statement", "last",       "week",     "month",    "yesterday",
     "today",      "monday",     "tuesday",    "wednesday", "thursday",   "friday",   "saturday", "sunday",
     "previously", "repeatedly", "separately", "publicly",  "officially", "strongly", "firmly",   "however",
     "meanwhile",  "already",    "now",        "again",     "flatly",     "swiftly",  "once",     "recently"});

constexpr auto kPronouns = std::to_array<std::string_view>({"it", "he", "she", "they"});

constexpr auto kDeterminers = std::to_array<std::string_view>(
    {"the", "a", "an", "its", "his", "her", "their", "these", "those", "such", "this", "our", "my", "your"});

constexpr auto kPrepositions =
    std::to_array<std::string_view>({"in", "near", "from", "across", "along", "at", "into", "inside", "over", "on",
                                     "with", "to", "against", "between", "for", "about", "toward", "of"});

constexpr auto kFunctionWords = std::to_array<std::string_view>(
    {"the",   "in",    "on",   "but",  "and", "after", "although", "while", "when",   "last",
     "a",     "an",    "as",   "at",   "for", "if",    "of",       "this",  "that",   "yesterday",
     "today", "since", "some", "many", "it",  "he",    "she",      "they",  "during", "meanwhile"});

constexpr auto kGeographic = std::to_array<std::string_view>(
    {"border",       "borders",        "frontier",    "territory",   "territories",  "territorial", "troops",
     "forces",       "soldiers",       "army",        "military",    "ceasefire",    "truce",       "armistice",
     "peacekeepers", "peacekeeping",   "withdraw",    "withdrawn",   "withdrawal",   "withdrew",    "withdrawing",
     "occupied",     "occupation",     "occupy",      "occupying",   "annex",        "annexed",     "annexation",
     "land",         "lands",          "region",      "regions",     "village",      "villages",    "town",
     "enclave",      "exclave",        "sovereignty", "demarcation", "delimitation", "checkpoint",  "checkpoints",
     "line",         "shelling",       "shelled",     "clashes",     "incursion",    "invasion",    "invaded",
     "attack",       "attacked",       "attacks",     "offensive",   "positions",    "base",        "bases",
     "missile",      "missiles",       "drone",       "drones",      "strikes",      "airspace",    "waters",
     "island",       "islands",        "sea",         "river",       "lake",         "corridor",    "buffer",
     "zone",         "crossed",        "crossing",    "patrol",      "patrols",      "guards",      "weapons",
     "artillery",    "fighting",       "combat",      "war",         "hostilities",  "skirmish",    "deployment",
     "deployed",     "reinforcements", "escalation",  "frontline",   "annexing",     "pull",        "seized",
     "captured",     "recaptured",     "liberated",   "province",    "provinces",    "coast",       "mountains",
     "pass",         "soil",           "temple",      "temples",     "site",         "area",        "peninsula",
     "strait",       "shoal",          "reef",        "reefs",       "valley",       "glacier",     "outpost",
     "outposts",     "belongs",        "belong",      "located",     "shelf",        "maritime",    "zones",
     "eez"});

constexpr auto kAccusing = std::to_array<std::string_view>(
    {"irresponsible", "provocative", "provocation", "provocations", "aggression", "aggressive", "violation",
     "violations",    "violated",    "violating",   "violates",     "illegal",    "illegally",  "unlawful",
     "occupation",    "occupying",   "invaded",     "invasion",     "shelled",    "shelling",   "atrocities",
     "crimes",        "sabotage",    "sabotaged",   "breach",       "breached",   "aggressor",  "terrorist"});

constexpr auto kDenying =
    std::to_array<std::string_view>({"false", "untrue", "baseless", "groundless", "fabricated", "fabrication", "lie",
                                     "lies", "disinformation", "fake", "unfounded"});

constexpr auto kPositionVerbs = std::to_array<std::string_view>(
    {"recognise",   "recognises",   "recognised",   "recognising",   "recognize", "recognizes",
     "recognized",  "recognizing",  "accept",       "accepts",       "accepted",  "accepting",
     "acknowledge", "acknowledges", "acknowledged", "acknowledging", "regard",    "regards",
     "regarded",    "consider",     "considers",    "considered"});

constexpr auto kOfferNouns = std::to_array<std::string_view>(
    {"invitation",  "invitations", "invite",    "offer",    "offers",     "aid",      "assistance",
     "help",        "donation",    "donations", "apology",  "apologies",  "gift",     "gifts",
     "loan",        "loans",       "grant",     "delivery", "deliveries", "shipment", "shipments",
     "resignation", "credentials", "refugees",  "receipt"});

// Adverbs without -ly that stand between a subject and its verb.
constexpr auto kAdverbs = std::to_array<std::string_view>(
    {"long", "always", "still", "often", "ever", "never", "just", "once", "twice", "too", "again", "since"});

// Words in -ly that are no adverbs: an actor's noun ("its ally said",
// "the assembly said") or an adjective before one ("the daily").
constexpr auto kLyNouns = std::to_array<std::string_view>(
    {"ally",  "assembly", "family",  "supply",    "rally",  "monopoly", "anomaly",  "reply",
     "daily", "weekly",   "monthly", "quarterly", "yearly", "elderly",  "friendly", "early",
     "only",  "fly",      "holy",    "belly",     "jelly",  "bully"});

constexpr auto kEntitlement =
    std::to_array<std::string_view>({"right", "rights", "claim", "claims", "basis", "grounds", "justification",
                                     "reason", "legitimacy", "authority", "title", "sovereignty", "business"});

constexpr auto kDocuments = std::to_array<std::string_view>(
    {"statement", "statements", "communique", "communiques", "note", "letter", "declaration", "memorandum", "readout"});

constexpr auto kDirectives =
    std::to_array<std::string_view>({"told", "tell", "tells", "telling", "warned", "warn", "warns", "warning",
                                     "advised", "advises", "ordered", "orders", "instructed", "instructs"});

constexpr auto kForce = std::to_array<std::string_view>(
    {"troops",     "soldiers",  "forces",     "units",      "military", "shots",    "shot",      "shooting",
     "fire",       "firing",    "fired",      "shelling",   "shells",   "attack",   "attacks",   "strike",
     "strikes",    "airstrike", "incursion",  "incursions", "invasion", "crossing", "crossings", "violation",
     "violations", "drone",     "drones",     "missile",    "missiles", "weapons",  "artillery", "deployment",
     "presence",   "base",      "bases",      "patrols",    "warships", "aircraft", "jets",      "provocation",
     "clashes",    "fighting",  "aggression", "occupation", "buildup"});

constexpr auto kHarm = std::to_array<std::string_view>({"damage", "damaged", "hurt", "injured", "injury", "injuries",
                                                        "wounded", "killed", "casualties", "dead", "deaths", "losses",
                                                        "harmed", "harm", "destroyed", "victims"});

constexpr auto kFragmentLabels =
    std::to_array<std::string_view>({"read", "also", "more", "related", "see", "watch", "listen", "advertisement",
                                     "recommended", "editor's", "note", "sponsored"});

// Each list becomes a table once per process, as the program starts (read
// only: the lists are looked up for every token of articles up to 20 MB).
// At namespace scope, so that a lookup pays no guard and its function no
// setup for a first call.
const WordTable kCuesTable(kCues, [](const CueWord& c) { return c.word; });
const WordTable kParticiplesTable = as_set(kParticiples);
const WordTable kTitlesTable = as_set(kTitles);
const WordTable kBodiesTable = as_set(kBodies);
const WordTable kSkippableTable = as_set(kSkippable);
const WordTable kPronounsTable = as_set(kPronouns);
const WordTable kDeterminersTable = as_set(kDeterminers);
const WordTable kPrepositionsTable = as_set(kPrepositions);
const WordTable kFunctionWordsTable = as_set(kFunctionWords);
const WordTable kGeographicTable = as_set(kGeographic);
const WordTable kAccusingTable = as_set(kAccusing);
const WordTable kDenyingTable = as_set(kDenying);
const WordTable kFragmentLabelsTable = as_set(kFragmentLabels);
const WordTable kPositionVerbsTable = as_set(kPositionVerbs);
const WordTable kEntitlementTable = as_set(kEntitlement);
const WordTable kOfferNounsTable = as_set(kOfferNouns);
const WordTable kAdverbsTable = as_set(kAdverbs);
const WordTable kDocumentsTable = as_set(kDocuments);
const WordTable kDirectivesTable = as_set(kDirectives);
const WordTable kForceTable = as_set(kForce);
const WordTable kHarmTable = as_set(kHarm);
const WordTable kLyNounsTable = as_set(kLyNouns);

}  // namespace

const CueWord* find_cue(std::string_view folded) {
    const int i = kCuesTable.find(folded);
    return i < 0 ? nullptr : &kCues[static_cast<std::size_t>(i)];
}

bool takes_clause(std::string_view w) {
    static const WordTable verbs{"say",      "says",   "said",      "saying",  "add",      "adds",
                                 "added",    "adding", "insist",    "insists", "insisted", "insisting",
                                 "argue",    "argues", "argued",    "arguing", "assert",   "asserts",
                                 "asserted", "noted",  "explained", "stated",  "wrote",    "tweeted"};
    return verbs.contains(w);
}
bool is_participle(std::string_view w) { return kParticiplesTable.find(w) >= 0; }
bool is_new_statement(std::string_view w) { return w == "adding"; }
bool is_title_word(std::string_view w) { return kTitlesTable.find(w) >= 0; }
bool is_body_noun(std::string_view w) { return kBodiesTable.find(w) >= 0; }
bool is_skippable(std::string_view w) { return kSkippableTable.find(w) >= 0; }
bool is_pronoun(std::string_view w) { return kPronounsTable.find(w) >= 0; }
bool is_determiner(std::string_view w) { return kDeterminersTable.find(w) >= 0; }
bool is_preposition(std::string_view w) { return kPrepositionsTable.find(w) >= 0; }
bool is_function_word(std::string_view w) { return kFunctionWordsTable.find(w) >= 0; }
bool is_geographic_word(std::string_view w) { return kGeographicTable.find(w) >= 0; }

bool is_copula(std::string_view w) {
    static const WordTable copulas{"is",     "are",     "was",      "were", "be",    "been",
                                   "remain", "remains", "remained", "stay", "stays", "belongs"};
    return copulas.contains(w);
}
bool is_accusing_word(std::string_view w) { return kAccusingTable.find(w) >= 0; }
bool is_denying_word(std::string_view w) { return kDenyingTable.find(w) >= 0; }
bool is_fragment_label(std::string_view w) { return kFragmentLabelsTable.find(w) >= 0; }
bool is_document_noun(std::string_view w) { return kDocumentsTable.find(w) >= 0; }
bool is_directive_verb(std::string_view w) { return kDirectivesTable.find(w) >= 0; }
bool is_force_word(std::string_view w) { return kForceTable.find(w) >= 0; }
bool is_harm_word(std::string_view w) { return kHarmTable.find(w) >= 0; }
bool is_position_verb(std::string_view w) { return kPositionVerbsTable.find(w) >= 0; }
bool is_entitlement_noun(std::string_view w) { return kEntitlementTable.find(w) >= 0; }
bool is_offer_noun(std::string_view w) { return kOfferNounsTable.find(w) >= 0; }
bool is_adverb(std::string_view w) {
    if (kAdverbsTable.find(w) >= 0) return true;
    return w.size() >= 5 && w.ends_with("ly") && kLyNounsTable.find(w) < 0;
}

}  // namespace borderline::claims_lexicon
