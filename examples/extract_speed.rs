//! Throughput of the extractor alone, in CPU time (the machine may be shared):
//! `cargo run --release --example extract_speed FILE`.
use std::time::Duration;

/// CPU time this thread has run, from /proc (Linux); zero elsewhere.
fn cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: extract_speed FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let lex = numlint::extract::NumberLexicon::builtin().expect("builtin lexicon");
    let t0 = cpu();
    let doc =
        numlint::document::Document::new("x.txt", text, numlint::document::Format::Text, None);
    let t1 = cpu();
    let mut n = 0;
    let rounds = 5;
    for _ in 0..rounds {
        n = numlint::extract::extract(&doc, &lex).len();
    }
    let t2 = cpu();
    let mb = doc.text.len() as f64 / 1e6;
    let per = (t2 - t1) / rounds;
    println!(
        "{n} quantities; clean {:?} ({:.0} MB/s), extract {:?} ({:.0} MB/s), CPU time",
        t1 - t0,
        mb / (t1 - t0).as_secs_f64(),
        per,
        mb / per.as_secs_f64()
    );
}
