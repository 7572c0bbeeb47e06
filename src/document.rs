//! A loaded input: original bytes, format, language and its cleaned view.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::clean::CleanText;
use crate::lang::Lang;

/// How the original text is structured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

impl Format {
    /// Markdown by extension (`.md`, `.markdown`, `.mdx`); everything else is plain text.
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown" | "mdx" | "mkd") => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// One document of a run. Diagnostics point into `text`, the original; analysis reads
/// `clean.text` and maps its offsets back with [`CleanText::to_original`].
#[derive(Debug, Clone)]
pub struct Document {
    /// Path as given on the command line (or `<stdin>`), used in output.
    pub path: PathBuf,
    /// The original text, exactly as read.
    pub text: String,
    pub format: Format,
    pub lang: Lang,
    pub clean: CleanText,
    line_starts: Vec<usize>,
    /// (byte offset, chars before it) every [`CHAR_CHECKPOINT`] bytes, so that a column
    /// costs O(1) even on a file that is one 50 MB line.
    char_checkpoints: Vec<(usize, usize)>,
}

const CHAR_CHECKPOINT: usize = 1024;

impl Document {
    /// Build a document from text already decoded; `lang` overrides detection.
    pub fn new(
        path: impl Into<PathBuf>,
        text: String,
        format: Format,
        lang: Option<Lang>,
    ) -> Document {
        let clean = CleanText::new(&text, format);
        let lang = lang.unwrap_or_else(|| Lang::detect(&clean.text));
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut char_checkpoints = Vec::with_capacity(text.len() / CHAR_CHECKPOINT + 1);
        let (mut at, mut chars) = (0usize, 0usize);
        char_checkpoints.push((0, 0));
        while at < text.len() {
            let next = text.ceil_char_boundary(at + CHAR_CHECKPOINT);
            chars += text[at..next].chars().count();
            at = next;
            char_checkpoints.push((at, chars));
        }
        Document {
            path: path.into(),
            text,
            format,
            lang,
            clean,
            line_starts,
            char_checkpoints,
        }
    }

    /// Display name of the file.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// 1-based line and 1-based column (in characters) of a byte offset of the original.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line(offset) - 1;
        let start = self.line_starts[line];
        // On a line of ordinary length the characters are counted from its start, once;
        // the checkpoints (two lookups and two counts of up to a checkpoint each) are for
        // long lines. Both give the characters of `start..offset` rounded down.
        let col = if offset - start <= CHAR_CHECKPOINT {
            let end = self.text.floor_char_boundary(offset);
            self.text[start..end].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (line + 1, col + 1)
    }

    /// 1-based line of a byte offset of the original: [`Document::line_col`] without the
    /// column, which costs a count of characters (messages name places by line only).
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Number of characters before a byte offset (rounded down to a char boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let i = match self.char_checkpoints.binary_search_by(|c| c.0.cmp(&offset)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (at, chars) = self.char_checkpoints[i];
        let end = self.text.floor_char_boundary(offset);
        chars + self.text[at..end.max(at)].chars().count()
    }

    /// The original text of a span (empty when the span is out of range).
    pub fn slice(&self, span: &Range<usize>) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// Original span of a range of the cleaned text.
    pub fn original_span(&self, clean: Range<usize>) -> Range<usize> {
        self.clean.to_original(clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let d = Document::new(
            "a.txt",
            "première ligne\nélevé à 12,5 %\n".into(),
            Format::Text,
            None,
        );
        let off = d.text.find("12,5").unwrap();
        assert_eq!(d.line_col(off), (2, 9));
        assert_eq!(d.line_col(0), (1, 1));
        assert_eq!(d.line(off), 2);
        assert_eq!(d.line(0), 1);
    }

    #[test]
    fn columns_on_a_long_line_count_characters() {
        let line = "é".repeat(3000) + "x 45 %";
        let d = Document::new("a.txt", format!("a\n{line}"), Format::Text, None);
        let off = d.text.find("45").unwrap();
        assert_eq!(d.line_col(off), (2, 3003));
        assert_eq!(d.line_col(d.text.len()), (2, 3007));
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(
            Format::from_path(Path::new("x/README.MD")),
            Format::Markdown
        );
        assert_eq!(Format::from_path(Path::new("book.txt")), Format::Text);
    }
}
