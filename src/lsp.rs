//! `numlint lsp`: a language server (LSP over stdio, on rust-analyzer's `lsp-server`).
//!
//! - Documents: Markdown and plain text (language id `markdown`/`plaintext`, or a prose
//!   extension); others are ignored. Sync is incremental.
//! - Diagnostics are published on open and save at once, and on change after a short
//!   debounce ([`DEFAULT_DEBOUNCE`], `initializationOptions.debounceMs` to change it).
//! - Cross-file facts: at `initialize` the server reads the `.md`/`.txt` files of the
//!   workspace folders (walked like `numlint check DIR`, `.gitignore` honoured) and lints
//!   the open documents together with them. A finding is published in the file of its
//!   primary label; the other labels are its related information, wherever they stand.
//!   A file whose findings go away gets an empty list.
//! - Files changed on disk (`workspace/didChangeWatchedFiles`, registered dynamically when
//!   the client supports it) are read again unless open.
//! - A diagnostic's code is the rule code, with `codeDescription` linking to the rule's
//!   documentation ([`crate::report::rule_doc_url`]); the help line is in the message.
//! - Positions are in UTF-16 code units, as LSP requires ([`Utf16Index`]).

use std::collections::HashMap;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, InitializeParams, Location, NumberOrString, Position,
    PublishDiagnosticsParams, Range, SaveOptions, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};

use crate::config::Config;
use crate::document::{Document, Format};
use crate::finding::{Finding, Severity};
use crate::lexicon::Lexicon;
use crate::source;

type BoxError = Box<dyn Error + Send + Sync>;

/// Wait after the last change before re-linting.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);

/// At most this many workspace files are read at start (a workspace opened on a home
/// directory must not stall the editor) …
pub const MAX_WORKSPACE_FILES: usize = 5_000;
/// … and none larger than this.
pub const MAX_WORKSPACE_FILE_BYTES: u64 = 8 << 20;

/// Line starts of a text, to convert byte offsets to LSP positions (UTF-16) and back.
pub struct Utf16Index {
    line_starts: Vec<usize>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Utf16Index {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Utf16Index { line_starts }
    }

    /// LSP position of a byte offset (rounded down to a char boundary, clamped to the
    /// text): 0-based line, column in UTF-16 code units.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = text.floor_char_boundary(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(line as u32, col as u32)
    }

    /// Byte offset of an LSP position; a column past the end of its line is the line's
    /// end, a line past the end is the end of the text.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let line = pos.line as usize;
        let Some(&start) = self.line_starts.get(line) else {
            return text.len();
        };
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1);
        let mut units = 0usize;
        for (i, c) in text[start..end].char_indices() {
            if units >= pos.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }

    /// LSP range of a byte range.
    pub fn range(&self, text: &str, span: &std::ops::Range<usize>) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }
}

/// Percent-decode the path of a `file://` URI; `None` for other schemes.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // Skip an authority (`file://host/path`); `localhost` or empty mean this machine.
    let path = match rest.find('/') {
        Some(i) => &rest[i..],
        None => return None,
    };
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    let s = String::from_utf8(out).ok()?;
    // `file:///C:/x` on Windows.
    let s = if s.len() > 2 && s.as_bytes()[2] == b':' && cfg!(windows) {
        s[1..].to_string()
    } else {
        s
    };
    Some(PathBuf::from(s))
}

/// A `file://` URI for an absolute path.
pub fn path_to_uri(path: &Path) -> String {
    crate::report::path_uri(path)
}

/// Whether the server lints a document of this language id and path.
fn is_prose(language_id: &str, path: &Path) -> bool {
    matches!(language_id, "markdown" | "plaintext" | "text" | "mdx")
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| source::PROSE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// One document the server knows: a workspace file read from disk, or an open buffer.
struct Entry {
    /// URI diagnostics are published under (the client's own spelling for open buffers).
    uri: String,
    /// Version of the open buffer; `None` when the text is the file on disk.
    version: Option<i32>,
    /// Last diagnostics published for `uri`.
    published: Option<Vec<Diagnostic>>,
}

/// The server's state: documents (kept in a stable order for the linter), configuration.
pub struct State {
    lex: Lexicon,
    config: Config,
    docs: Vec<Document>,
    entries: Vec<Entry>,
    by_key: HashMap<PathBuf, usize>,
}

/// Key of a URI: its file path, or the URI itself for other schemes (`untitled:`).
/// File paths are canonical when the file exists, so that a client's spelling of a path
/// (symlinks, `..`) finds the workspace file read at start.
fn key_of(uri: &str) -> PathBuf {
    match uri_to_path(uri) {
        Some(p) => std::fs::canonicalize(&p).unwrap_or(p),
        None => PathBuf::from(uri),
    }
}

impl State {
    pub fn new(lex: Lexicon, config: Config) -> State {
        State {
            lex,
            config,
            docs: Vec::new(),
            entries: Vec::new(),
            by_key: HashMap::new(),
        }
    }

    /// Read the prose files of a workspace folder (errors are skipped: a binary or empty
    /// file has nothing to lint).
    pub fn load_folder(&mut self, root: &Path) {
        let (inputs, _errors) = source::collect(&[root.to_path_buf()], &[]);
        if inputs.len() > MAX_WORKSPACE_FILES {
            eprintln!(
                "numlint lsp: {} has {} prose files; reading the first {MAX_WORKSPACE_FILES}",
                root.display(),
                inputs.len()
            );
        }
        for input in inputs.into_iter().take(MAX_WORKSPACE_FILES) {
            let source::Input::File(path) = &input else {
                continue;
            };
            if std::fs::metadata(path).map_or(true, |m| m.len() > MAX_WORKSPACE_FILE_BYTES) {
                continue;
            }
            let Ok(doc) = source::read(&input, self.config.lang, None) else {
                continue;
            };
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            let uri = path_to_uri(&path);
            let doc = Document::new(path.clone(), doc.text, doc.format, self.config.lang);
            self.upsert(path, uri, None, doc);
        }
    }

    fn upsert(&mut self, key: PathBuf, uri: String, version: Option<i32>, doc: Document) {
        match self.by_key.get(&key) {
            Some(&i) => {
                self.docs[i] = doc;
                self.entries[i].uri = uri;
                self.entries[i].version = version;
            }
            None => {
                self.by_key.insert(key, self.docs.len());
                self.docs.push(doc);
                self.entries.push(Entry {
                    uri,
                    version,
                    published: None,
                });
            }
        }
    }

    /// An opened (or wholly replaced) buffer.
    pub fn open(&mut self, uri: &str, language_id: &str, version: i32, text: String) -> bool {
        let key = key_of(uri);
        if !is_prose(language_id, &key) {
            return false;
        }
        let format = if language_id == "markdown" {
            Format::Markdown
        } else {
            Format::from_path(&key)
        };
        let doc = Document::new(key.clone(), text, format, self.config.lang);
        self.upsert(key, uri.to_string(), Some(version), doc);
        true
    }

    /// Apply incremental (or full) changes to an open buffer.
    pub fn change(&mut self, params: DidChangeTextDocumentParams) -> bool {
        let uri = params.text_document.uri.as_str().to_string();
        let Some(&i) = self.by_key.get(&key_of(&uri)) else {
            return false;
        };
        let mut text = std::mem::take(&mut self.docs[i].text);
        for c in params.content_changes {
            match c.range {
                None => text = c.text,
                Some(r) => {
                    let index = Utf16Index::new(&text);
                    let start = index.offset(&text, r.start);
                    let end = index.offset(&text, r.end).max(start);
                    text.replace_range(start..end, &c.text);
                }
            }
        }
        let d = &self.docs[i];
        let doc = Document::new(d.path.clone(), text, d.format, self.config.lang);
        self.docs[i] = doc;
        self.entries[i].version = Some(params.text_document.version);
        true
    }

    /// A closed buffer: back to the file on disk when it is in the workspace, else gone
    /// (its diagnostics are cleared by the next publish).
    pub fn close(&mut self, uri: &str) {
        let key = key_of(uri);
        let Some(&i) = self.by_key.get(&key) else {
            return;
        };
        let on_disk = source::read(&source::Input::File(key.clone()), self.config.lang, None);
        match on_disk {
            Ok(doc) if self.entries[i].version.is_some() && key.is_file() => {
                self.docs[i] = Document::new(key, doc.text, doc.format, self.config.lang);
                self.entries[i].version = None;
            }
            _ => {
                // Replace by an empty text: its findings go away, and its slot stays so
                // that document indices remain stable.
                let d = &self.docs[i];
                self.docs[i] = Document::new(d.path.clone(), String::new(), d.format, None);
                self.entries[i].version = None;
            }
        }
    }

    /// A workspace file changed on disk (`workspace/didChangeWatchedFiles`): read it again,
    /// unless it is open (the buffer wins); a deleted file's findings go away.
    pub fn file_changed(&mut self, uri: &str, deleted: bool) -> bool {
        let key = key_of(uri);
        if !is_prose("", &key) {
            return false;
        }
        let slot = self.by_key.get(&key).copied();
        if slot.is_some_and(|i| self.entries[i].version.is_some()) {
            return false;
        }
        if deleted {
            let Some(i) = slot else { return false };
            let d = &self.docs[i];
            self.docs[i] = Document::new(d.path.clone(), String::new(), d.format, None);
            return true;
        }
        match source::read(&source::Input::File(key.clone()), self.config.lang, None) {
            Ok(doc) => {
                let doc = Document::new(key.clone(), doc.text, doc.format, self.config.lang);
                self.upsert(key.clone(), path_to_uri(&key), None, doc);
                true
            }
            Err(_) => false,
        }
    }

    /// Lint everything; the notifications to send (only for files whose diagnostics
    /// changed, and for `always`, the document just opened or saved).
    pub fn publish(&mut self, always: Option<&str>) -> Vec<PublishDiagnosticsParams> {
        // A defect in a rule must not take the editor's server down: keep the diagnostics
        // already shown and say so on stderr (the client's log).
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::lint(&self.docs, &self.lex, &self.config)
        }));
        let findings = match run {
            Ok(f) => f,
            Err(_) => {
                eprintln!("numlint lsp: the linter panicked; diagnostics not updated");
                return Vec::new();
            }
        };
        let mut per_doc: Vec<Vec<Diagnostic>> = vec![Vec::new(); self.docs.len()];
        let mut indexes: HashMap<usize, Utf16Index> = HashMap::new();
        for f in &findings {
            let Some(p) = f.primary() else { continue };
            if p.doc >= self.docs.len() {
                continue;
            }
            let d = self.diagnostic(f, &mut indexes);
            per_doc[p.doc].push(d);
        }
        let always = always.map(key_of);
        let mut out = Vec::new();
        for (i, diags) in per_doc.into_iter().enumerate() {
            let e = &self.entries[i];
            let forced = always.as_deref() == Some(self.docs[i].path.as_path());
            let changed = match &e.published {
                Some(prev) => *prev != diags,
                None => !diags.is_empty(),
            };
            if !(changed || forced) {
                continue;
            }
            let Ok(uri) = Uri::from_str(&e.uri) else {
                continue;
            };
            out.push(PublishDiagnosticsParams {
                uri,
                diagnostics: diags.clone(),
                version: e.version,
            });
            self.entries[i].published = Some(diags);
        }
        out
    }

    fn diagnostic(&self, f: &Finding, indexes: &mut HashMap<usize, Utf16Index>) -> Diagnostic {
        let mut range_of = |doc: usize, span: &std::ops::Range<usize>| -> Range {
            let text = &self.docs[doc].text;
            indexes
                .entry(doc)
                .or_insert_with(|| Utf16Index::new(text))
                .range(text, span)
        };
        let p = f.primary().expect("checked by the caller");
        let range = range_of(p.doc, &p.span);
        let related: Vec<DiagnosticRelatedInformation> = f
            .labels
            .iter()
            .filter(|l| !std::ptr::eq(*l, p) && l.doc < self.docs.len())
            .filter_map(|l| {
                let uri = Uri::from_str(&self.entries[l.doc].uri).ok()?;
                Some(DiagnosticRelatedInformation {
                    location: Location::new(uri, range_of(l.doc, &l.span)),
                    message: l.message.clone(),
                })
            })
            .collect();
        let mut message = f.message.clone();
        if let Some(h) = &f.help {
            message.push_str("\nhelp: ");
            message.push_str(h);
        }
        Diagnostic {
            range,
            severity: Some(match f.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(f.rule.clone())),
            code_description: Uri::from_str(&crate::report::rule_doc_url(&f.rule))
                .ok()
                .map(|href| CodeDescription { href }),
            source: Some("numlint".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        }
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        ..Default::default()
    }
}

/// Workspace folders of the initialize request (folders, else root URI, else root path).
#[allow(deprecated)]
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        if !folders.is_empty() {
            return folders
                .iter()
                .filter_map(|f| uri_to_path(f.uri.as_str()))
                .collect();
        }
    }
    if let Some(uri) = &params.root_uri {
        return uri_to_path(uri.as_str()).into_iter().collect();
    }
    params.root_path.iter().map(PathBuf::from).collect()
}

fn send_all(conn: &Connection, notes: Vec<PublishDiagnosticsParams>) -> Result<(), BoxError> {
    for p in notes {
        conn.sender.send(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".into(),
            p,
        )))?;
    }
    Ok(())
}

/// Run the server on stdin/stdout until the client says `exit`.
pub fn run() -> Result<(), BoxError> {
    let (conn, io_threads) = Connection::stdio();
    serve(&conn)?;
    drop(conn);
    io_threads.join()?;
    Ok(())
}

/// The server loop on a connection (tests may use `Connection::memory`).
pub fn serve(conn: &Connection) -> Result<(), BoxError> {
    let (id, params) = conn.initialize_start()?;
    let init: InitializeParams = serde_json::from_value(params)?;
    let debounce = init
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("debounceMs"))
        .and_then(|v| v.as_u64())
        .map_or(DEFAULT_DEBOUNCE, Duration::from_millis);
    let folders = roots(&init);
    let config_path = folders.iter().find_map(|r| Config::discover(r));
    let config = config_path
        .as_ref()
        .and_then(|p| Config::load(p).ok())
        .unwrap_or_default();
    // The workspace's `[lexicon]` terms, as `check` reads them; a broken table falls back to
    // the built-in lexicons, like a broken config falls back to the defaults.
    let origin = config_path
        .as_ref()
        .map_or("numlint.toml".into(), |p| p.display().to_string());
    let lex = match Lexicon::for_config(&config, &origin) {
        Ok(l) => l,
        Err(_) => Lexicon::builtin().map_err(|e| format!("{e:?}"))?,
    };
    let mut state = State::new(lex, config);
    for root in &folders {
        state.load_folder(root);
    }
    conn.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities(),
            "serverInfo": {"name": "numlint", "version": env!("CARGO_PKG_VERSION")},
        }),
    )?;

    // Ask to hear of prose files changed on disk, when the client can register watchers.
    let can_watch = init
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    if can_watch {
        conn.sender.send(Message::Request(Request::new(
            lsp_server::RequestId::from("numlint/watch".to_string()),
            "client/registerCapability".into(),
            serde_json::json!({"registrations": [{
                "id": "numlint-watch",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": {"watchers": [
                    {"globPattern": "**/*.{md,markdown,mdx,mkd,txt,text}"}
                ]},
            }]}),
        )))?;
    }

    // Findings already in the workspace files.
    let notes = state.publish(None);
    send_all(conn, notes)?;

    let mut pending: Option<Instant> = None;
    loop {
        let msg = match pending {
            Some(deadline) => {
                match conn
                    .receiver
                    .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => {
                        pending = None;
                        let notes = state.publish(None);
                        send_all(conn, notes)?;
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return Ok(()),
                }
            }
            None => match conn.receiver.recv() {
                Ok(m) => m,
                Err(_) => return Ok(()),
            },
        };
        match msg {
            Message::Request(req) => {
                if conn.handle_shutdown(&req)? {
                    return Ok(());
                }
                reply_unknown(conn, req)?;
            }
            Message::Response(_) => {}
            Message::Notification(n) => match n.method.as_str() {
                "textDocument/didOpen" => {
                    let p: DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                    let uri = p.text_document.uri.as_str().to_string();
                    if state.open(
                        &uri,
                        &p.text_document.language_id,
                        p.text_document.version,
                        p.text_document.text,
                    ) {
                        pending = None;
                        let notes = state.publish(Some(&uri));
                        send_all(conn, notes)?;
                    }
                }
                "textDocument/didChange" => {
                    let p: DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                    if state.change(p) {
                        pending = Some(Instant::now() + debounce);
                    }
                }
                "textDocument/didSave" => {
                    let p: DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                    let uri = p.text_document.uri.as_str().to_string();
                    if state.by_key.contains_key(&key_of(&uri)) {
                        pending = None;
                        let notes = state.publish(Some(&uri));
                        send_all(conn, notes)?;
                    }
                }
                "textDocument/didClose" => {
                    let p: DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                    state.close(p.text_document.uri.as_str());
                    pending = None;
                    let notes = state.publish(None);
                    send_all(conn, notes)?;
                }
                "workspace/didChangeWatchedFiles" => {
                    let p: lsp_types::DidChangeWatchedFilesParams =
                        serde_json::from_value(n.params)?;
                    let mut any = false;
                    for c in p.changes {
                        let deleted = c.typ == lsp_types::FileChangeType::DELETED;
                        any |= state.file_changed(c.uri.as_str(), deleted);
                    }
                    if any {
                        pending = Some(Instant::now() + debounce);
                    }
                }
                "exit" => return Ok(()),
                _ => {}
            },
        }
    }
}

fn reply_unknown(conn: &Connection, req: Request) -> Result<(), BoxError> {
    conn.sender.send(Message::Response(Response::new_err(
        req.id,
        ErrorCode::MethodNotFound as i32,
        format!("numlint does not handle `{}`", req.method),
    )))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_code_units() {
        // é is 2 bytes and 1 unit; 𝄞 (U+1D11E) is 4 bytes and 2 units.
        let text = "élevé 𝄞 à 12 %\nChine : 300 millions\n";
        let idx = Utf16Index::new(text);
        let at = text.find("12").unwrap();
        assert_eq!(idx.position(text, at), Position::new(0, 11));
        let at300 = text.find("300").unwrap();
        assert_eq!(idx.position(text, at300), Position::new(1, 8));
        for off in [0, at, at300, text.len()] {
            assert_eq!(idx.offset(text, idx.position(text, off)), off);
        }
        // Inside a surrogate pair or past the line's end: clamped.
        assert_eq!(
            idx.offset(text, Position::new(0, 200)),
            text.find('\n').unwrap()
        );
        assert_eq!(idx.offset(text, Position::new(9, 0)), text.len());
    }

    #[test]
    fn file_uris_round_trip() {
        let p = Path::new("/tmp/dossier été/note 1.md");
        let uri = path_to_uri(p);
        assert_eq!(uri, "file:///tmp/dossier%20%C3%A9t%C3%A9/note%201.md");
        assert_eq!(uri_to_path(&uri).unwrap(), p);
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
        // A stray `%` before a multi-byte character is kept, not a panic.
        assert_eq!(
            uri_to_path("file:///tmp/50%é.md").unwrap(),
            Path::new("/tmp/50%é.md")
        );
        assert_eq!(
            uri_to_path("file://localhost/tmp/a%2Cb.md").unwrap(),
            Path::new("/tmp/a,b.md")
        );
    }

    fn change(
        uri: &str,
        version: i32,
        range: Option<Range>,
        text: &str,
    ) -> DidChangeTextDocumentParams {
        serde_json::from_value(serde_json::json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [match range {
                Some(r) => serde_json::json!({"range": r, "text": text}),
                None => serde_json::json!({"text": text}),
            }],
        }))
        .unwrap()
    }

    #[test]
    fn diagnostics_published_once_and_cleared_on_close() {
        let mut s = State::new(Lexicon::builtin().unwrap(), Config::default());
        let uri = "untitled:Brouillon-1";
        let text = "Le chômage a atteint 8,1 % en 2021 en France. Plus loin : le chômage a \
                    atteint 9,3 % en 2021 en France.\n";
        assert!(s.open(uri, "plaintext", 1, text.into()));
        let notes = s.publish(Some(uri));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].uri.as_str(), uri);
        assert_eq!(notes[0].version, Some(1));
        assert_eq!(notes[0].diagnostics.len(), 1);
        // Nothing changed: nothing to send.
        assert!(s.publish(None).is_empty());
        s.close(uri);
        let notes = s.publish(None);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].diagnostics.is_empty());
    }

    #[test]
    fn incremental_edits_after_accents_land_in_place() {
        let mut s = State::new(Lexicon::builtin().unwrap(), Config::default());
        let uri = "file:///tmp/numlint-lsp-unit/a.md";
        assert!(s.open(uri, "markdown", 1, "Le chômage : 9,3 %.\n".into()));
        // "9,3" starts at UTF-16 column 13 (ô is one unit, two bytes).
        let r = Range::new(Position::new(0, 13), Position::new(0, 16));
        assert!(s.change(change(uri, 2, Some(r), "8,1")));
        assert_eq!(s.docs[0].text, "Le chômage : 8,1 %.\n");
        assert!(!s.open("file:///tmp/x.rs", "rust", 1, "fn main() {}".into()));
    }
}
