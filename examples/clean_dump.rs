//! Print the cleaned view of a file and what was set aside (a debugging aid).
use numlint::document::{Document, Format};

fn main() {
    let path = std::env::args().nth(1).expect("usage: clean_dump FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let format = Format::from_path(std::path::Path::new(&path));
    let doc = Document::new(&path, text, format, None);
    println!("{}", doc.clean.text);
    for s in &doc.clean.set_aside {
        let (line, _) = doc.line_col(s.span.start);
        eprintln!(
            "{:?} line {line}: {:?}",
            s.kind,
            &doc.text[s.span.clone()]
                .chars()
                .take(60)
                .collect::<String>()
        );
    }
}
