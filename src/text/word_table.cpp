// WordTable's probe, out of line (see word_table.hpp).
#include "text/word_table.hpp"

namespace borderline {

int WordTable::probe(std::string_view w) const {
    for (std::size_t s = hash(w) & mask_;; s = (s + 1) & mask_) {
        if (slots_[s].index < 0) return -1;
        if (slots_[s].word == w) return slots_[s].index;
    }
}

}  // namespace borderline
