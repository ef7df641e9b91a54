package org.civatlas.places.search;

/**
 * A search or reverse-lookup result.
 *
 * @param entry          the matched place: for a match on a former name, the current place's standard entry when
 *                       the index holds one (else the former entry itself)
 * @param score          higher is better; reflects the match tier (4 exact, 3 prefix, 2 substring/pinyin/initials,
 *                       1 fuzzy; fractions for sub-tiers), or for reverse lookups 1 - distance/radius
 * @param matchKind      EXACT, PREFIX, SUBSTRING, PINYIN, INITIALS, UYGHUR, FUZZY, FORMER (a former name matched),
 *                       or NEARBY (reverse lookup)
 * @param distanceMetres geodesic distance on WGS 84 for reverse lookups, else NaN
 * @param matchedName    the name that matched: the former name for a FORMER match, else the entry's name
 * @param sameNameCount  for a FUZZY hit (a typo or homophone of the query), how many entries that pass the
 *                       filter bear the matched name; the fuzzy tier lists each such name once, by its best entry,
 *                       before further entries of the same names, so a search for the matched name lists them all.
 *                       0 for other kinds
 */
public record Hit(NameEntry entry, double score, String matchKind, double distanceMetres, String matchedName,
        int sameNameCount) {

    public Hit(NameEntry entry, double score, String matchKind, double distanceMetres, String matchedName) {
        this(entry, score, matchKind, distanceMetres, matchedName, 0);
    }
}
