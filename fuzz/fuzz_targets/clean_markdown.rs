#![no_main]
//! The cleaner on arbitrary markdown: no panic, every cleaned offset maps into the original.
use libfuzzer_sys::fuzz_target;
use numlint::clean::CleanText;
use numlint::document::Format;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let c = CleanText::new(text, Format::Markdown);
    for (i, _) in c.text.char_indices() {
        let o = c.offset_to_original(i);
        assert!(o <= text.len() && text.is_char_boundary(o));
    }
    for p in &c.paragraphs {
        let r = c.to_original(p.clone());
        assert!(r.start <= r.end && r.end <= text.len());
    }
});
