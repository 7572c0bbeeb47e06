#![no_main]
//! The number grammar on arbitrary text in both languages: no panic, spans valid.
use libfuzzer_sys::fuzz_target;
use numlint::document::{Document, Format};
use numlint::lang::Lang;
use numlint::lexicon::Lexicon;
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::builtin().expect("builtin lexicon"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in [Lang::Fr, Lang::En] {
        let doc = Document::new("fuzz.txt", text.to_owned(), Format::Text, Some(lang));
        for q in numlint::extract::extract(&doc, &lex().numbers) {
            common::assert_span(&doc, &q.span);
            assert!(q.clean.end <= doc.clean.text.len());
        }
    }
});
