// Claims: attribution and stance. Not built yet (issue "Claims: who says
// what about which place"); the pipeline and the JSON already carry the
// stage so that its arrival changes no interface.
#include <borderline/claims.hpp>

namespace borderline {

const char* to_string(Stance s) {
    switch (s) {
        case Stance::asserts: return "asserts";
        case Stance::denies: return "denies";
        case Stance::accuses: return "accuses";
        case Stance::demands: return "demands";
        case Stance::reports: return "reports";
    }
    return "reports";
}

std::vector<Claim> find_claims(const Document&, const Gazetteer&, const std::vector<Place>&) { return {}; }

}  // namespace borderline
