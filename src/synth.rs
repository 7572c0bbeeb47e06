//! Deterministic synthetic drafts for benchmarks and scale tests.
//!
//! Real-looking economic prose in French or English, dense in figures (amounts, shares,
//! growth rates, counts, years), with facts repeated across chapters and footnote noise,
//! so that a benchmark exercises every stage. Not used by the linter itself.

use std::fmt::Write;

use crate::lang::Lang;

/// A small linear congruential generator: reproducible input without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const FR_PARTNERS: &[&str] = &[
    "la Chine",
    "l'Ouzbékistan",
    "la Mongolie",
    "le Brésil",
    "l'Inde",
    "la Turquie",
    "le Viet Nam",
    "l'Égypte",
    "le Kazakhstan",
    "l'Indonésie",
];
const EN_PARTNERS: &[&str] = &[
    "China",
    "Uzbekistan",
    "Mongolia",
    "Brazil",
    "India",
    "Turkey",
    "Viet Nam",
    "Egypt",
    "Kazakhstan",
    "Indonesia",
];

const FR_FILLER: &[&str] = &[
    "Les parties ont souligné l'importance de poursuivre un travail systématique pour de nouvelles initiatives conjointes.",
    "La coopération industrielle reste l'un des axes prioritaires des relations bilatérales, notamment dans les domaines de la mécanique et de l'agroalimentaire.",
    "Les entreprises résidentes bénéficient de procédures administratives simplifiées et d'un accès facilité aux terrains.",
    "Selon les experts, les perspectives de développement des échanges dépendent de la logistique et de la diversification de l'offre.",
    "Une délégation d'hommes d'affaires a visité les sites de production et examiné des projets d'investissement communs.",
];
const EN_FILLER: &[&str] = &[
    "Both sides stressed the importance of steady work on new joint initiatives.",
    "Industrial cooperation remains a priority of the bilateral relationship, notably in engineering and food processing.",
    "Resident companies benefit from simplified administrative procedures and easier access to land.",
    "According to experts, the outlook for trade depends on logistics and on a more diverse range of goods.",
    "A business delegation toured production sites and discussed joint investment projects.",
];

/// About `bytes` bytes of synthetic prose in `lang`, seeded by `seed`. Figure paragraphs
/// alternate with prose that has no figure, at about the density of a real report (one
/// figure per ~250 bytes).
pub fn draft(lang: Lang, bytes: usize, seed: u64) -> String {
    let mut r = Lcg(seed ^ 0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(bytes + 1024);
    let mut note = 1;
    let mut para = 0;
    while out.len() < bytes {
        para += 1;
        let year = 2015 + r.below(10) as i32;
        let exp = 100 + r.below(900);
        let imp = 50 + r.below(400);
        let dec1 = r.below(10);
        let dec2 = r.below(10);
        let growth = 1 + r.below(40);
        let jobs = 10 + r.below(990);
        let share = 5 + r.below(80);
        match lang {
            Lang::Fr => {
                let p = r.pick(FR_PARTNERS);
                let _ = write!(
                    out,
                    "En {year}, le chiffre d'affaires commercial entre la Biélorussie et {p} s'est élevé \nà {},{} millions de dollars et a augmenté de {growth},{dec2} % par rapport à {}, les exportations - \n{exp},{dec1} millions de dollars (croissance de {} %). Le solde est positif - {},{} millions \nde dollars\"{note} . Au 1er janvier {}, plus de {jobs} emplois avaient été créés, soit {share} % \ndes emplois prévus. Près de {} tonnes de sucre ont été vendues, deux fois plus qu'en {}.\n\n",
                    exp + imp,
                    (dec1 + dec2) % 10,
                    year - 1,
                    growth / 2 + 1,
                    exp.saturating_sub(imp),
                    dec1,
                    year + 1,
                    100 + r.below(900),
                    year - 1,
                );
            }
            Lang::En => {
                let p = r.pick(EN_PARTNERS);
                let _ = write!(
                    out,
                    "In {year}, trade between Belarus and {p} reached ${}.{} million, up {growth}.{dec2} % \non {}; exports were ${exp}.{dec1} million (up {} %) and the surplus ${}.{} million{note}. \nAs of January 1, {}, more than {jobs} jobs had been created, {share} % of the \nplanned total. Nearly {} tonnes of sugar were sold, twice as much as in {}.\n\n",
                    exp + imp,
                    (dec1 + dec2) % 10,
                    year - 1,
                    growth / 2 + 1,
                    exp.saturating_sub(imp),
                    dec1,
                    year + 1,
                    100 + r.below(900),
                    year - 1,
                );
            }
        }
        // Prose without figures between figure paragraphs.
        let filler = match lang {
            Lang::Fr => FR_FILLER,
            Lang::En => EN_FILLER,
        };
        for _ in 0..3 {
            for _ in 0..3 {
                out.push_str(r.pick(filler));
                out.push(' ');
            }
            out.push_str("\n\n");
        }
        note += 1;
        // Every few paragraphs: a page break with a footnote block and a page number.
        if para % 4 == 0 {
            let _ = write!(
                out,
                "{} Rapport sur le commerce extérieur [Ressource électronique]. - {}. - URL :\nhttps://example.org/commerce/{}-{}/\n\n{}\n\n",
                note,
                2016 + r.below(9),
                r.below(100_000),
                2020 + r.below(5),
                para / 4 + 1,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_reproducible_and_sized() {
        let a = draft(Lang::Fr, 10_000, 7);
        assert_eq!(a, draft(Lang::Fr, 10_000, 7));
        assert!(a.len() >= 10_000 && a.len() < 14_000);
        assert_ne!(a, draft(Lang::Fr, 10_000, 8));
        assert!(draft(Lang::En, 2_000, 1).contains("million"));
    }
}
