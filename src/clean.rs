//! The cleaned view of a document, and the offset map back to the original.
//!
//! Text extracted from PDFs, and Markdown, hold much that is not prose: page numbers,
//! footnote blocks with URLs, footnote markers glued to words (`annoncés"2 .`), words
//! hyphenated across line breaks, code blocks, front matter. Extraction reads the cleaned
//! text, where paragraphs are single lines and such noise is set aside; every cleaned
//! offset maps back to the exact byte of the original, so diagnostics point at the file
//! the user wrote.

use std::ops::Range;
use std::sync::OnceLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;

use crate::document::Format;
use crate::quantity::Kind;

/// A span of the original that is not prose, with what it was taken for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub kind: SetAsideKind,
    /// Byte range in the original.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAsideKind {
    FootnoteMarker,
    FootnoteBlock,
    PageNumber,
    Url,
}

impl SetAsideKind {
    /// The quantity kind a number inside such a span would have.
    pub fn quantity_kind(self) -> Kind {
        match self {
            SetAsideKind::FootnoteMarker => Kind::FootnoteMarker,
            SetAsideKind::PageNumber => Kind::PageNumber,
            SetAsideKind::FootnoteBlock | SetAsideKind::Url => Kind::Citation,
        }
    }
}

/// A run of cleaned text: copied verbatim from the original, or written by the cleaner
/// (a joining space, a paragraph break), in which case it maps to one anchor byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    clean: usize,
    orig: usize,
    len: usize,
    verbatim: bool,
}

/// Cleaned text of a document with its map to original offsets.
#[derive(Debug, Clone, Default)]
pub struct CleanText {
    /// Prose only; paragraphs separated by `"\n\n"`, lines inside a paragraph joined.
    pub text: String,
    /// Byte ranges of paragraphs in `text`.
    pub paragraphs: Vec<Range<usize>>,
    /// What was left out of `text`, in original offsets, sorted.
    pub set_aside: Vec<SetAside>,
    segs: Vec<Seg>,
}

impl CleanText {
    pub fn new(original: &str, format: Format) -> CleanText {
        let paras = match format {
            Format::Text => plain_paragraphs(original),
            Format::Markdown => markdown_paragraphs(original),
        };
        let mut b = Builder::new(original);
        b.set_aside.extend(paras.set_aside);
        for para in paras.paras {
            b.paragraph(&para);
        }
        b.finish()
    }

    /// Map a byte offset of the cleaned text to the original.
    pub fn offset_to_original(&self, clean: usize) -> usize {
        if self.segs.is_empty() {
            return 0;
        }
        let i = match self.segs.binary_search_by(|s| s.clean.cmp(&clean)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let s = self.segs[i];
        if s.verbatim {
            s.orig + (clean - s.clean).min(s.len)
        } else {
            s.orig
        }
    }

    /// Map a byte offset of the original to the cleaned text: the cleaned offset of the
    /// first verbatim byte at or after it (where a set-aside span would have stood).
    pub fn offset_from_original(&self, orig: usize) -> usize {
        let verbatim = |s: &&Seg| s.verbatim;
        // Segments are in original order; find the first verbatim one ending after `orig`.
        let i = self.segs.partition_point(|s| s.orig + s.len <= orig);
        match self.segs[i..].iter().find(verbatim) {
            Some(s) if s.orig <= orig => s.clean + (orig - s.orig),
            Some(s) => s.clean,
            None => self.text.len(),
        }
    }

    /// Map a range of the cleaned text to the smallest original range covering it.
    pub fn to_original(&self, clean: Range<usize>) -> Range<usize> {
        let start = self.offset_to_original(clean.start);
        if clean.end <= clean.start {
            return start..start;
        }
        // Map the last character, not the end offset: the end may sit on a joint.
        let mut last = clean.end - 1;
        while last > clean.start && !self.text.is_char_boundary(last) {
            last -= 1;
        }
        let last_len = self.text[last..].chars().next().map_or(1, char::len_utf8);
        let end = self.offset_to_original(last) + last_len;
        start..end.max(start)
    }

    /// Index of the paragraph holding a cleaned offset.
    pub fn paragraph_of(&self, clean: usize) -> usize {
        match self.paragraphs.binary_search_by(|p| p.start.cmp(&clean)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }
}

/// A piece of a line: a range of the original, or text the reader put there.
#[derive(Debug, Clone)]
enum Piece {
    Orig(Range<usize>),
    Synth(&'static str, usize),
}

type Line = Vec<Piece>;
type Para = Vec<Line>;

#[derive(Default)]
struct Paragraphs {
    paras: Vec<Para>,
    set_aside: Vec<SetAside>,
}

fn footnote_marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // A closing quote, a percent sign, or a lowercase word of 2+ letters, with 1–3 digits
    // glued on and then a space, punctuation or end: `annoncés"2 .`, `zones12,`,
    // `21,4 %2 pour`. Units such as `km2`, and codes such as `Q1`, `H1`, `CO2`, are
    // excluded by the caller.
    RE.get_or_init(|| {
        Regex::new(r#"(?:["»”’)%]|\p{Ll}{2,})(\d{1,3})(?:[\s.,;:!?)]|$)"#).expect("valid regex")
    })
}

/// A note number after a sentence's full stop: `(51,000 TEU).12 Such`, `ten carriers.9`,
/// followed by a space and a capital or by the end of the line (never a decimal: a digit
/// before the stop is no word).
fn stop_marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?:["»”’)]|\p{Ll}{2,})\.(\d{1,3})(?:\s+\p{Lu}|\s*$)"#).expect("valid regex")
    })
}

/// Abbreviations a number follows after their stop: `fig.12`, `vol.3`.
const NUMBERED_ABBREVIATIONS: &[&str] = &[
    "fig", "vol", "no", "art", "chap", "ch", "pp", "nr", "sect", "tab", "eq", "ref", "cf",
];

fn bracket_marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\((\d{1,3}) \)").expect("valid regex"))
}

fn url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("valid regex"))
}

/// Words after which glued digits are an exponent or part of a name, not a footnote.
const GLUED_DIGIT_WORDS: &[&str] = &[
    "km", "m", "cm", "mm", "dm", "co", "kwh", "mwh", "gwh", "ft", "sq", "mi",
];

struct Builder<'a> {
    orig: &'a str,
    text: String,
    segs: Vec<Seg>,
    paragraphs: Vec<Range<usize>>,
    set_aside: Vec<SetAside>,
}

impl<'a> Builder<'a> {
    fn new(orig: &'a str) -> Builder<'a> {
        Builder {
            orig,
            text: String::with_capacity(orig.len()),
            segs: Vec::new(),
            paragraphs: Vec::new(),
            set_aside: Vec::new(),
        }
    }

    fn copy(&mut self, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        let clean = self.text.len();
        self.text.push_str(&self.orig[r.clone()]);
        if let Some(last) = self.segs.last_mut() {
            if last.verbatim && last.orig + last.len == r.start && last.clean + last.len == clean {
                last.len += r.len();
                return;
            }
        }
        self.segs.push(Seg {
            clean,
            orig: r.start,
            len: r.len(),
            verbatim: true,
        });
    }

    fn synth(&mut self, s: &str, anchor: usize) {
        if s.is_empty() {
            return;
        }
        self.segs.push(Seg {
            clean: self.text.len(),
            orig: anchor,
            len: s.len(),
            verbatim: false,
        });
        self.text.push_str(s);
    }

    /// Copy an original range of prose, leaving out URLs and glued footnote markers.
    fn prose(&mut self, r: Range<usize>) {
        let orig = self.orig;
        let s = &orig[r.clone()];
        // Most lines hold neither a URL nor a digit: skip the regexes for them.
        let has_digit = s.bytes().any(|b| b.is_ascii_digit());
        let has_url = memchr::memmem::find(s.as_bytes(), b"://").is_some()
            || memchr::memmem::find(s.as_bytes(), b"www.").is_some();
        if !has_digit && !has_url {
            self.copy(r);
            return;
        }
        let mut cuts: Vec<(Range<usize>, SetAsideKind)> = Vec::new();
        for m in url_re().find_iter(s).filter(|_| has_url) {
            let mut end = m.end();
            // Trailing sentence punctuation belongs to the prose.
            while end > m.start() && s[..end].ends_with(['.', ',', ';', ')', '"', '»']) {
                end -= 1;
            }
            cuts.push((m.start()..end, SetAsideKind::Url));
        }
        for c in footnote_marker_re().captures_iter(s) {
            let whole = c.get(0).expect("match");
            let digits = c.get(1).expect("group");
            let word_start = s[..digits.start()]
                .rfind(|ch: char| !ch.is_alphabetic())
                .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
            let word = s[word_start..digits.start()].to_lowercase();
            if GLUED_DIGIT_WORDS.contains(&word.as_str()) {
                continue;
            }
            // A straight quote after a space opens a quotation (`où "8 nouveaux résidents`):
            // the digits after it are the quote's first word, not a note number.
            let opening_quote = s[whole.start()..].starts_with('"')
                && s[..whole.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|ch| ch.is_whitespace() || matches!(ch, '(' | '[' | ':'));
            if opening_quote {
                continue;
            }
            if cuts
                .iter()
                .any(|(u, _)| u.start <= whole.start() && whole.end() <= u.end)
            {
                continue;
            }
            cuts.push((digits.range(), SetAsideKind::FootnoteMarker));
        }
        for c in stop_marker_re().captures_iter(s) {
            let digits = c.get(1).expect("group");
            let before = &s[..digits.start() - 1];
            let word_start = before.rfind(|ch: char| !ch.is_alphabetic()).map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
            let word = before[word_start..].to_lowercase();
            if NUMBERED_ABBREVIATIONS.contains(&word.as_str())
                || cuts
                    .iter()
                    .any(|(u, _)| u.start < digits.end() && digits.start() < u.end)
            {
                continue;
            }
            cuts.push((digits.range(), SetAsideKind::FootnoteMarker));
        }
        // `(249 )`: a note number in brackets with the PDF's stray space before `)`.
        for c in bracket_marker_re().captures_iter(s) {
            cuts.push((
                c.get(1).expect("group").range(),
                SetAsideKind::FootnoteMarker,
            ));
        }
        cuts.sort_by_key(|(c, _)| c.start);
        let mut at = 0;
        for (cut, kind) in cuts {
            if cut.start < at {
                continue;
            }
            self.copy(r.start + at..r.start + cut.start);
            if kind == SetAsideKind::Url {
                self.synth(" ", r.start + cut.start);
            }
            self.set_aside.push(SetAside {
                kind,
                span: r.start + cut.start..r.start + cut.end,
            });
            at = cut.end;
        }
        self.copy(r.start + at..r.end);
    }

    fn paragraph(&mut self, para: &Para) {
        let start = self.text.len();
        if start > 0 {
            let anchor = first_offset(para).unwrap_or(0);
            self.synth("\n\n", anchor);
        }
        let start = self.text.len();
        for (i, line) in para.iter().enumerate() {
            if i > 0 {
                // A word hyphenated across the break is re-joined; otherwise one space.
                let anchor = first_offset(std::slice::from_ref(line)).unwrap_or(0);
                let next_lower = self.line_starts_lowercase(line);
                // "biélorusse- ⏎ chinois": a hyphen with a space after it, before the line
                // break, is a compound's own hyphen (the word was not cut): it stays.
                let spaced_hyphen = para[i - 1].last().is_some_and(|p| match p {
                    Piece::Orig(r) => self.orig[r.end..].starts_with([' ', '\t']),
                    Piece::Synth(..) => false,
                });
                if next_lower
                    && self.text.ends_with('-')
                    && self.text[..self.text.len() - 1].ends_with(char::is_alphabetic)
                    && spaced_hyphen
                {
                    // Nothing between: "biélorusse-chinois".
                } else if next_lower
                    && self.text.ends_with('-')
                    && self.text[..self.text.len() - 1].ends_with(char::is_alphabetic)
                {
                    // Drop the hyphen: it maps back into the original as a removed char.
                    self.text.pop();
                    self.trim_last_seg(1);
                } else if !self.text.ends_with(' ') {
                    self.synth(" ", anchor);
                }
            }
            for piece in line {
                match piece {
                    Piece::Orig(r) => self.prose(r.clone()),
                    Piece::Synth(s, a) => self.synth(s, *a),
                }
            }
        }
        // Trim trailing spaces of the paragraph.
        while self.text.len() > start && self.text.ends_with([' ', '\t']) {
            self.text.pop();
            self.trim_last_seg(1);
        }
        if self.text.len() > start {
            self.paragraphs.push(start..self.text.len());
        } else {
            // Nothing but noise: drop the separator too.
            while self.text.len() > start.saturating_sub(2)
                && self.text.ends_with('\n')
                && start > 0
            {
                self.text.pop();
                self.trim_last_seg(1);
            }
        }
    }

    fn line_starts_lowercase(&self, line: &Line) -> bool {
        for p in line {
            match p {
                Piece::Orig(r) => {
                    if let Some(c) = self.orig[r.clone()].trim_start().chars().next() {
                        return c.is_lowercase();
                    }
                }
                Piece::Synth(s, _) => {
                    if let Some(c) = s.trim_start().chars().next() {
                        return c.is_lowercase();
                    }
                }
            }
        }
        false
    }

    fn trim_last_seg(&mut self, n: usize) {
        let mut n = n;
        while n > 0 {
            let Some(last) = self.segs.last_mut() else {
                return;
            };
            if last.len > n {
                last.len -= n;
                return;
            }
            n -= last.len;
            self.segs.pop();
        }
    }

    fn finish(mut self) -> CleanText {
        self.set_aside.sort_by_key(|s| s.span.start);
        CleanText {
            text: self.text,
            paragraphs: self.paragraphs,
            set_aside: self.set_aside,
            segs: self.segs,
        }
    }
}

fn first_offset(lines: &[Line]) -> Option<usize> {
    lines.iter().flatten().next().map(|p| match p {
        Piece::Orig(r) => r.start,
        Piece::Synth(_, a) => *a,
    })
}

/// Byte ranges of the lines of `s`, without their line terminators.
fn line_ranges(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', s.as_bytes()) {
        let end = if nl > start && s.as_bytes()[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        out.push(start..end);
        start = nl + 1;
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

fn trimmed(s: &str, r: &Range<usize>) -> Range<usize> {
    let line = &s[r.clone()];
    let lead = line.len() - line.trim_start().len();
    let tail = line.len() - line.trim_end().len();
    r.start + lead..(r.end - tail).max(r.start + lead)
}

fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// `12 Author: title` — the first line of a footnote at the foot of a page.
fn footnote_start(line: &str) -> bool {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && t[digits..].starts_with(' ')
        && t[digits..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii_digit())
}

/// Words that only bibliographic notes carry.
fn has_citation_signal(s: &str) -> bool {
    const SIGNALS: &[&str] = &[
        "URL",
        "http",
        "www.",
        "[Ressource",
        "[Electronic",
        "Ressource électronique",
        "Retrieved",
        "Accessed",
        "Consulté",
        "Ibid",
        "ibid.",
        "op. cit",
        "Op. cit",
        " - C. ",
        " - P. ",
        " - p. ",
        " p. ",
        " pp. ",
        " С. ",
    ];
    SIGNALS.iter().any(|sig| s.contains(sig))
}

/// A line that is a URL or the tail of one broken across lines (a slug with no spaces).
fn is_url_line(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with("http")
        || t.starts_with("www.")
        || t.starts_with("- URL")
        || t.starts_with("URL")
    {
        return true;
    }
    t.len() >= 12
        && t.contains('-')
        && t.chars().any(|c| c.is_ascii_lowercase())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-/_.%?=&:#~+".contains(c))
}

/// Marks that only a bibliographic reference carries, even without a note number.
fn has_strong_citation_signal(s: &str) -> bool {
    [
        "[Ressource",
        "[Electronic",
        "URL :",
        "URL:",
        "http://",
        "https://",
    ]
    .iter()
    .any(|sig| s.contains(sig))
}

/// Plain text (often extracted from a PDF): paragraphs are runs of non-blank lines.
/// Footnote regions (a numbered note that reads like a citation, or URL lines) run until a
/// line that starts with whitespace: in PDF text that is where the page's prose resumes.
/// Prose cut by a page break mid-sentence is joined back into its paragraph.
fn plain_paragraphs(s: &str) -> Paragraphs {
    let lines = line_ranges(s);
    let mut out = Paragraphs::default();
    let mut cur: Para = Vec::new();
    // Noise was set aside since the last prose line (a page break, a note block).
    let mut broke = false;
    let mut note: Option<Range<usize>> = None;
    let is_blank = |r: &Range<usize>| s[r.clone()].trim().is_empty();

    let flush = |cur: &mut Para, out: &mut Paragraphs| {
        if !cur.is_empty() {
            out.paras.push(std::mem::take(cur));
        }
    };
    let mut i = 0;
    while i < lines.len() {
        let r = lines[i].clone();
        let line = &s[r.clone()];
        if is_blank(&r) {
            if let Some(n) = note.take() {
                out.set_aside.push(SetAside {
                    kind: SetAsideKind::FootnoteBlock,
                    span: n,
                });
            }
            flush(&mut cur, &mut out);
            i += 1;
            continue;
        }
        if let Some(n) = note.as_mut() {
            if !line.starts_with(char::is_whitespace) {
                n.end = r.end;
                i += 1;
                continue;
            }
            out.set_aside.push(SetAside {
                kind: SetAsideKind::FootnoteBlock,
                span: n.clone(),
            });
            note = None;
        }
        // A page number alone between blank lines.
        let alone = (i == 0 || is_blank(&lines[i - 1])) && lines.get(i + 1).is_none_or(is_blank);
        if alone && is_page_number(line) {
            flush(&mut cur, &mut out);
            out.set_aside.push(SetAside {
                kind: SetAsideKind::PageNumber,
                span: trimmed(s, &r),
            });
            broke = true;
            i += 1;
            continue;
        }
        // The note's first lines (until the page's prose resumes) must cite.
        let lookahead = |n: usize| {
            let mut text = String::new();
            let mut j = i;
            while j < lines.len() && j < i + n && !is_blank(&lines[j]) {
                if j > i && s[lines[j].clone()].starts_with(char::is_whitespace) {
                    break;
                }
                text.push_str(&s[lines[j].clone()]);
                text.push(' ');
                j += 1;
            }
            text
        };
        let block_start = i == 0 || is_blank(&lines[i - 1]);
        let starts_note = is_url_line(line)
            || (footnote_start(line) && has_citation_signal(&lookahead(5)))
            // The tail of a note carried over from the previous page.
            || (block_start && !line.starts_with(char::is_whitespace) && has_strong_citation_signal(&lookahead(3)));
        if starts_note {
            flush(&mut cur, &mut out);
            note = Some(r);
            broke = true;
            i += 1;
            continue;
        }
        // Prose. After a page break, text that goes on mid-sentence rejoins its paragraph.
        if cur.is_empty() && broke && line.trim_start().starts_with(char::is_lowercase) {
            let ends_open = out
                .paras
                .last()
                .and_then(|p| p.last())
                .and_then(|l| l.last())
                .is_some_and(|p| match p {
                    Piece::Orig(r) => !s[r.clone()].trim_end().ends_with(['.', '!', '?', ':', '»']),
                    Piece::Synth(..) => false,
                });
            if ends_open {
                cur = out.paras.pop().unwrap_or_default();
            }
        }
        broke = false;
        cur.push(vec![Piece::Orig(trimmed(s, &r))]);
        i += 1;
    }
    if let Some(n) = note.take() {
        out.set_aside.push(SetAside {
            kind: SetAsideKind::FootnoteBlock,
            span: n,
        });
    }
    flush(&mut cur, &mut out);
    out
}

/// Markdown: prose is the text of paragraphs, headings, list items and table cells;
/// code, HTML (comments included), front matter and link targets are not.
fn markdown_paragraphs(s: &str) -> Paragraphs {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut out = Paragraphs::default();
    let mut para: Para = Vec::new();
    let mut line: Line = Vec::new();
    // Depth of constructs whose text is not prose (code blocks, metadata, autolinks).
    let mut skip = 0usize;
    let flush_line = |para: &mut Para, line: &mut Line| {
        if !line.is_empty() {
            para.push(std::mem::take(line));
        }
    };
    for (ev, range) in Parser::new_ext(s, opts).into_offset_iter() {
        match ev {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => {
                skip = skip.saturating_sub(1)
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => skip += 1,
            Event::End(TagEnd::Link) if skip > 0 => skip -= 1,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell)
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => {
                flush_line(&mut para, &mut line);
                if !para.is_empty() {
                    out.paras.push(std::mem::take(&mut para));
                }
            }
            Event::Text(t) if skip == 0 => {
                if s.get(range.clone()) == Some(t.as_ref()) {
                    line.push(Piece::Orig(range));
                } else {
                    // Escapes and entities: the source differs from the text it stands
                    // for; keep the source (it holds the same digits) for exact offsets.
                    line.push(Piece::Orig(range));
                }
            }
            Event::SoftBreak | Event::HardBreak if skip == 0 => flush_line(&mut para, &mut line),
            Event::Code(_) | Event::InlineHtml(_) | Event::InlineMath(_) if skip == 0 => {
                line.push(Piece::Synth(" ", range.start));
            }
            _ => {}
        }
    }
    flush_line(&mut para, &mut line);
    if !para.is_empty() {
        out.paras.push(para);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> CleanText {
        CleanText::new(s, Format::Text)
    }

    /// Every verbatim character of the cleaned text maps back to the same character.
    fn assert_maps_back(orig: &str, c: &CleanText) {
        for (i, ch) in c.text.char_indices() {
            if ch == ' ' || ch == '\n' {
                continue;
            }
            let o = c.offset_to_original(i);
            assert_eq!(orig[o..].chars().next(), Some(ch), "at clean offset {i}");
        }
    }

    #[test]
    fn joins_lines_and_maps_offsets() {
        let orig = "Le chiffre d'affaires s'est élevé \nà 301,9 millions de dollars.\n";
        let c = clean(orig);
        assert_eq!(
            c.text,
            "Le chiffre d'affaires s'est élevé à 301,9 millions de dollars."
        );
        let at = c.text.find("301,9").unwrap();
        let span = c.to_original(at..at + 5);
        assert_eq!(&orig[span], "301,9");
        assert_maps_back(orig, &c);
    }

    #[test]
    fn maps_original_offsets_back_to_the_cleaned_text() {
        let orig = "projets annoncés\"2 . Dans\nle même temps";
        let c = clean(orig);
        let le = orig.find("le même").unwrap();
        assert_eq!(&c.text[c.offset_from_original(le)..], "le même temps");
        // The set-aside marker maps to where it stood in the cleaned text.
        let marker = orig.find("2 .").unwrap();
        assert_eq!(
            &c.text[c.offset_from_original(marker)..],
            " . Dans le même temps"
        );
        assert_eq!(c.offset_from_original(orig.len()), c.text.len());
    }

    #[test]
    fn rejoins_hyphenated_words() {
        let orig = "les exporta-\ntions ont augmenté de 5 %";
        let c = clean(orig);
        assert_eq!(c.text, "les exportations ont augmenté de 5 %");
        let at = c.text.find("tions").unwrap();
        assert_eq!(&orig[c.to_original(at..at + 5)], "tions");
        // A hyphen followed by a space before the break belongs to a compound word.
        let c = clean("la commission biélorusse- \nchinoise et les camions- \nciternes");
        assert_eq!(
            c.text,
            "la commission biélorusse-chinoise et les camions-citernes"
        );
    }

    #[test]
    fn removes_footnote_markers_glued_to_quotes_and_words() {
        let orig = "projets annoncés\"2 . Dans le même temps, la zone12, puis 40 km2 de terrain.";
        let c = clean(orig);
        assert_eq!(
            c.text,
            "projets annoncés\" . Dans le même temps, la zone, puis 40 km2 de terrain."
        );
        let kinds: Vec<_> = c
            .set_aside
            .iter()
            .map(|s| (s.kind, &orig[s.span.clone()]))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (SetAsideKind::FootnoteMarker, "2"),
                (SetAsideKind::FootnoteMarker, "12")
            ]
        );
        assert_maps_back(orig, &c);
    }

    #[test]
    fn removes_footnote_markers_after_a_full_stop() {
        let orig = "shared by three lines (51,000 TEU).12 Such pools grew. It rose by 2.5 per cent.3\nLes ventes ont progressé.7 Elles ont atteint 4.5 millions (voir fig.12 Ci-dessous).";
        let c = clean(orig);
        assert_eq!(
            c.text,
            "shared by three lines (51,000 TEU). Such pools grew. It rose by 2.5 per cent. Les ventes ont progressé. Elles ont atteint 4.5 millions (voir fig.12 Ci-dessous)."
        );
        assert_maps_back(orig, &c);
    }

    #[test]
    fn digits_opening_a_quotation_are_prose() {
        let orig = "dans le parc, où \"8 nouveaux résidents ont été ajoutés\"165 . Fin.";
        let c = clean(orig);
        assert_eq!(
            c.text,
            "dans le parc, où \"8 nouveaux résidents ont été ajoutés\" . Fin."
        );
        assert_eq!(c.set_aside.len(), 1);
        assert_eq!(&orig[c.set_aside[0].span.clone()], "165");
    }

    #[test]
    fn sets_aside_page_numbers_and_footnote_blocks() {
        let orig = "Les ventes ont atteint 50 millions de dollars et\n\n\
                    12\n\n\
                    3 Rapport annuel [Ressource électronique]. - 2023. - URL :\n\
                    https://example.org/rapport-2023-45/\n \
                    ont progressé de 4 %.\n";
        let c = clean(orig);
        assert_eq!(
            c.text,
            "Les ventes ont atteint 50 millions de dollars et ont progressé de 4 %."
        );
        assert!(c
            .set_aside
            .iter()
            .any(|s| s.kind == SetAsideKind::PageNumber && &orig[s.span.clone()] == "12"));
        assert!(c
            .set_aside
            .iter()
            .any(|s| s.kind == SetAsideKind::FootnoteBlock));
        assert_maps_back(orig, &c);
    }

    #[test]
    fn note_carried_over_from_previous_page_and_url_tails_are_set_aside() {
        let orig = "Le port a traité 40 000 conteneurs.\n\n\
                    sur le commerce [Ressource électronique]. - 2022. - URL : https://example.org/a-\n\
                    commerce-exterieur-2022-123456/\n\
                    7 Bilan annuel [Ressource électronique]. - 2023. - URL :\n\
                    https://example.org/bilan-2023/\n \
                    La même année, 12 navires ont été construits.\n";
        let c = clean(orig);
        assert_eq!(
            c.text,
            "Le port a traité 40 000 conteneurs.\n\nLa même année, 12 navires ont été construits."
        );
        assert!(!c.text.contains("123456"));
        assert_maps_back(orig, &c);
    }

    #[test]
    fn numbered_paragraph_without_citation_is_prose() {
        let orig = "Intro.\n\n5 nouvelles entreprises ont été créées en 2023.\n";
        let c = clean(orig);
        assert!(c.text.contains("5 nouvelles entreprises"));
        assert_eq!(c.paragraphs.len(), 2);
    }

    #[test]
    fn markdown_skips_code_front_matter_and_comments() {
        let orig = "---\ntitle: 2024 report\n---\n\n# Exports in 2023\n\nExports reached **$1.2 bn**, see `v2.3` and\n<!-- 999 -->\n[the table](https://x.org/t/2023).\n\n```\nlet x = 42;\n```\n";
        let c = CleanText::new(orig, Format::Markdown);
        assert!(!c.text.contains("title"));
        assert!(!c.text.contains("42"));
        assert!(!c.text.contains("999"));
        assert!(!c.text.contains("x.org"));
        assert!(!c.text.contains("v2.3"));
        assert!(c.text.contains("Exports reached $1.2 bn"));
        let at = c.text.find("1.2").unwrap();
        assert_eq!(&orig[c.to_original(at..at + 3)], "1.2");
        assert_maps_back(orig, &c);
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Text built from pieces that stress the cleaner: line breaks, hyphens, digits glued
    /// to words and quotes, URLs, page numbers, note-like lines, accents, Markdown marks.
    fn messy_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("le chiffre d'affaires ".to_owned()),
            Just("exporta-\ntions ".to_owned()),
            Just("annoncés\"2 . ".to_owned()),
            Just("\n\n12\n\n".to_owned()),
            Just(
                "\n3 Rapport [Ressource électronique]. - URL :\nhttps://x.org/a-b-c/\n".to_owned()
            ),
            Just(" 301,9 millions ".to_owned()),
            Just("**gras** `code` <!-- c --> ".to_owned()),
            Just("\r\n".to_owned()),
            Just("« élevé » ".to_owned()),
            "[a-zé0-9 ,.\"\n-]{0,12}",
            "\\PC{0,6}",
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn cleaned_offsets_map_into_the_original(text in messy_text(), md in any::<bool>()) {
            let format = if md { Format::Markdown } else { Format::Text };
            let c = CleanText::new(&text, format);
            for (i, ch) in c.text.char_indices() {
                let o = c.offset_to_original(i);
                prop_assert!(o <= text.len());
                prop_assert!(text.is_char_boundary(o));
                if ch != ' ' && ch != '\n' {
                    // A verbatim character maps to itself.
                    prop_assert_eq!(text[o..].chars().next(), Some(ch), "clean offset {}", i);
                }
            }
            for p in &c.paragraphs {
                let span = c.to_original(p.clone());
                prop_assert!(span.start <= span.end && span.end <= text.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
            for s in &c.set_aside {
                prop_assert!(s.span.end <= text.len());
            }
        }
    }
}
