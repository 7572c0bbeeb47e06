//! Throughput of each pipeline stage: clean, extract, extract + context, check.
//!
//! Inputs: the real corpus when `../shared/corpus` is present (it is not needed), and
//! generated drafts of 2 MB and 20 MB (French) to show that cost is linear in input size.
//! Run with `cargo bench`; divan prints time per iteration and bytes/s.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use numlint::config::Config;
use numlint::document::{Document, Format};
use numlint::lang::Lang;
use numlint::lexicon::Lexicon;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[2_000_000, 20_000_000];

fn corpus() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/000_dd1dc7dac365b328.txt"
    );
    std::fs::read_to_string(path).ok()
}

fn input(size: usize) -> String {
    numlint::synth::draft(Lang::Fr, size, 42)
}

fn doc(text: &str) -> Document {
    Document::new("bench.txt", text.to_owned(), Format::Text, Some(Lang::Fr))
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn clean(b: Bencher, size: usize) {
    let text = input(size);
    b.counter(BytesCount::new(text.len()))
        .bench(|| numlint::clean::CleanText::new(black_box(&text), Format::Text));
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn extract(b: Bencher, size: usize) {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let d = doc(&input(size));
    b.counter(BytesCount::new(d.text.len()))
        .bench(|| numlint::extract::extract(black_box(&d), &lex.numbers));
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn extract_and_context(b: Bencher, size: usize) {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let d = doc(&input(size));
    b.counter(BytesCount::new(d.text.len()))
        .bench(|| numlint::analyse(0, black_box(&d), &lex).claims.len());
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn check(b: Bencher, size: usize) {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let docs = vec![doc(&input(size))];
    let config = Config::default();
    b.counter(BytesCount::new(docs[0].text.len()))
        .bench(|| numlint::lint(black_box(&docs), &lex, &config).len());
}

#[divan::bench(sample_count = 10)]
fn corpus_book(b: Bencher) {
    let Some(text) = corpus() else { return };
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let config = Config::default();
    b.counter(BytesCount::new(text.len())).bench(|| {
        let docs = vec![doc(&text)];
        numlint::lint(black_box(&docs), &lex, &config).len()
    });
}
