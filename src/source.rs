//! Finding and reading inputs: files, directories (walked, honouring `.gitignore`) and stdin.
//!
//! Every problem with an input is an [`InputError`]: a miette diagnostic naming the file.
//! The run goes on with the other inputs and exits 2 at the end.

use std::io::Read;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

use crate::document::{Document, Format};
use crate::lang::Lang;

/// File extensions read when walking a directory (explicit file paths are always read).
pub const PROSE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "mdx", "mkd", "text"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".into(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

#[derive(Debug, Error, Diagnostic)]
pub enum InputError {
    #[error("{path}: no such file or directory")]
    #[diagnostic(
        code(numlint::input::not_found),
        help("check the path; numlint reads files, directories and `-` for stdin")
    )]
    NotFound { path: String },
    #[error("{path}: cannot read: {reason}")]
    #[diagnostic(code(numlint::input::unreadable))]
    Unreadable { path: String, reason: String },
    #[error("{path}: not valid UTF-8 (first invalid byte at offset {offset})")]
    #[diagnostic(
        code(numlint::input::encoding),
        help("numlint reads UTF-8 text; convert the file, e.g. `iconv -f latin1 -t utf-8`")
    )]
    InvalidUtf8 { path: String, offset: usize },
    #[error("{path}: UTF-16 text is not supported")]
    #[diagnostic(
        code(numlint::input::encoding),
        help("convert it to UTF-8, e.g. `iconv -f utf-16 -t utf-8`")
    )]
    Utf16 { path: String },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset})")]
    #[diagnostic(
        code(numlint::input::binary),
        help("numlint reads plain text and Markdown")
    )]
    Binary { path: String, offset: usize },
    #[error("{path}: file is empty")]
    #[diagnostic(
        code(numlint::input::empty),
        help("there is nothing to check; remove it from the inputs")
    )]
    Empty { path: String },
    #[error("invalid --glob pattern `{glob}`: {reason}")]
    #[diagnostic(code(numlint::usage::glob))]
    BadGlob { glob: String, reason: String },
}

/// Expand the command-line paths into the inputs to read, in a stable order.
/// Directories are walked honouring `.gitignore`; `globs` (gitignore syntax, `!` to
/// exclude) filter the files found in directories.
pub fn collect(paths: &[PathBuf], globs: &[String]) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(InputError::NotFound {
                    path: p.display().to_string(),
                });
                continue;
            }
            Err(e) => {
                errors.push(InputError::Unreadable {
                    path: p.display().to_string(),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        if !meta.is_dir() {
            inputs.push(Input::File(p.clone()));
            continue;
        }
        let mut builder = ignore::WalkBuilder::new(p);
        builder.sort_by_file_path(|a, b| a.cmp(b));
        if !globs.is_empty() {
            let mut ob = ignore::overrides::OverrideBuilder::new(p);
            for g in globs {
                if let Err(e) = ob.add(g) {
                    errors.push(InputError::BadGlob {
                        glob: g.clone(),
                        reason: e.to_string(),
                    });
                }
            }
            match ob.build() {
                Ok(o) => {
                    builder.overrides(o);
                }
                Err(e) => errors.push(InputError::BadGlob {
                    glob: globs.join(" "),
                    reason: e.to_string(),
                }),
            }
        }
        for entry in builder.build() {
            match entry {
                Ok(e) => {
                    if !e.file_type().is_some_and(|t| t.is_file()) {
                        continue;
                    }
                    let path = e.into_path();
                    if globs.is_empty() && !has_prose_extension(&path) {
                        continue;
                    }
                    inputs.push(Input::File(path));
                }
                Err(e) => errors.push(InputError::Unreadable {
                    path: p.display().to_string(),
                    reason: e.to_string(),
                }),
            }
        }
    }
    (inputs, errors)
}

fn has_prose_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PROSE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Read one input into a document.
pub fn read(
    input: &Input,
    lang: Option<Lang>,
    format: Option<Format>,
) -> Result<Document, InputError> {
    let name = input.display();
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| InputError::Unreadable {
                    path: name.clone(),
                    reason: e.to_string(),
                })?;
            buf
        }
        Input::File(p) => std::fs::read(p).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => InputError::NotFound { path: name.clone() },
            _ => InputError::Unreadable {
                path: name.clone(),
                reason: e.to_string(),
            },
        })?,
    };
    let text = decode(&name, bytes)?;
    let format = format.unwrap_or_else(|| match input {
        Input::Stdin => Format::Text,
        Input::File(p) => Format::from_path(p),
    });
    Ok(Document::new(name, text, format, lang))
}

/// Check that bytes are prose in UTF-8 and turn them into a string.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.is_empty() {
        return Err(InputError::Empty { path: name.into() });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16 { path: name.into() });
    }
    if let Some(offset) = memchr::memchr(0, &bytes[..bytes.len().min(8192)]) {
        return Err(InputError::Binary {
            path: name.into(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        path: name.into(),
        offset: e.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_bad_input_with_the_reason() {
        assert!(matches!(decode("a", vec![]), Err(InputError::Empty { .. })));
        assert!(matches!(
            decode("a", vec![0xFF, 0xFE, b'a', 0]),
            Err(InputError::Utf16 { .. })
        ));
        assert!(matches!(
            decode("a", b"ab\0cd".to_vec()),
            Err(InputError::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            decode("a", b"caf\xe9 au lait".to_vec()),
            Err(InputError::InvalidUtf8 { offset: 3, .. })
        ));
        assert_eq!(decode("a", "élevé".as_bytes().to_vec()).unwrap(), "élevé");
    }
}
