//! Write a generated corpus for scale tests: `gen_corpus DIR TOTAL_MB FILES`.
//! Half French, half English drafts, each with repeated and conflicting facts.
use numlint::lang::Lang;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: gen_corpus DIR TOTAL_MB FILES");
        std::process::exit(2);
    }
    let dir = std::path::Path::new(&args[1]);
    let total: usize = args[2].parse::<usize>().expect("TOTAL_MB is a number") * 1_000_000;
    let files: usize = args[3].parse().expect("FILES is a number");
    std::fs::create_dir_all(dir).expect("can create DIR");
    for i in 0..files {
        let lang = if i % 2 == 0 { Lang::Fr } else { Lang::En };
        let text = numlint::synth::draft(lang, total / files, i as u64);
        std::fs::write(dir.join(format!("doc{i:05}.txt")), text).expect("can write");
    }
}
