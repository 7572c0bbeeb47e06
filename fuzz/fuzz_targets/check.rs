#![no_main]
//! The whole pipeline (clean → extract → context → rules) on arbitrary input split into
//! two documents, text and Markdown: no panic, every label inside its file.
use libfuzzer_sys::fuzz_target;
use numlint::config::Config;
use numlint::document::{Document, Format};
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
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let docs = vec![
        Document::new("a.txt", text[..cut].to_owned(), Format::Text, None),
        Document::new("b.md", text[cut..].to_owned(), Format::Markdown, None),
    ];
    for f in numlint::lint(&docs, lex(), &Config::default()) {
        for l in &f.labels {
            common::assert_span(&docs[l.doc], &l.span);
        }
    }
});
