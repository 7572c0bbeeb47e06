//! Every input a fuzz target crashed on, kept in `tests/fuzz_regressions/` (named
//! `TARGET-what.txt`), replayed through the invariants of all four targets (see
//! `fuzz/fuzz_targets/`): no panic, every offset and span inside its file on char
//! boundaries. A new crash: copy `fuzz/artifacts/TARGET/crash-…` here, then fix.

use std::path::Path;

use numlint::clean::CleanText;
use numlint::config::Config;
use numlint::document::{Document, Format};
use numlint::lang::Lang;
use numlint::lexicon::Lexicon;

fn assert_span(doc: &Document, span: &std::ops::Range<usize>, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(span.end <= doc.text.len(), "{what}: span {span:?} past end");
    assert!(
        doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
}

fn clean(text: &str, format: Format, what: &str) {
    let c = CleanText::new(text, format);
    for (i, _) in c.text.char_indices() {
        let o = c.offset_to_original(i);
        assert!(
            o <= text.len() && text.is_char_boundary(o),
            "{what}: {i} → {o}"
        );
    }
    for p in &c.paragraphs {
        let r = c.to_original(p.clone());
        assert!(r.start <= r.end && r.end <= text.len(), "{what}: {r:?}");
    }
}

fn replay(text: &str, what: &str, lex: &Lexicon) {
    clean(text, Format::Text, what);
    clean(text, Format::Markdown, what);
    for lang in [Lang::Fr, Lang::En] {
        let doc = Document::new("fuzz.txt", text.to_owned(), Format::Text, Some(lang));
        for q in numlint::extract::extract(&doc, &lex.numbers) {
            assert_span(&doc, &q.span, what);
            assert!(q.clean.end <= doc.clean.text.len(), "{what}");
        }
    }
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let docs = vec![
        Document::new("a.txt", text[..cut].to_owned(), Format::Text, None),
        Document::new("b.md", text[cut..].to_owned(), Format::Markdown, None),
        Document::new("c.txt", text.to_owned(), Format::Text, None),
    ];
    for f in numlint::lint(&docs, lex, &Config::default()) {
        for l in &f.labels {
            assert_span(&docs[l.doc], &l.span, what);
        }
    }
}

#[test]
fn fuzz_crashes_stay_fixed() {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let what = path.file_name().unwrap().to_string_lossy().into_owned();
        // The targets only look at valid UTF-8, as numlint itself.
        let text = std::str::from_utf8(&bytes).expect("fuzz inputs kept here are UTF-8");
        replay(text, &what, &lex);
    }
}

/// The check crash in its smallest form: a colon list after a count, with a `”` where the
/// 80-byte look-back for hedge words (`notamment`, `such as`) cuts; and a list longer than
/// the 400 bytes read, cut inside an `é`.
#[test]
fn colon_list_look_back_cuts_on_char_boundaries() {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    for pad in 0..100 {
        let text = format!(
            "Selon le rapport ”{} ils sont 3 : la Chine, l'Inde, le Brésil et la Turquie.\n",
            "x".repeat(pad)
        );
        replay(&text, &format!("quote {pad}"), &lex);
    }
}

#[test]
fn colon_lists_longer_than_read_cut_on_char_boundaries() {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    for odd in ["", "a"] {
        let text = format!("Ils sont 3 : {odd}{}\n", "é".repeat(400));
        replay(&text, &format!("long list {odd:?}"), &lex);
    }
}
