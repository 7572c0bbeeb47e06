//! The `numlint` command line.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};

use numlint::document::Format;
use numlint::finding::Severity;
use numlint::lang::Lang;
use numlint::lexicon::Lexicon;
use numlint::report::OutputFormat;
use numlint::source;

/// Numeric fact-checking and consistency linter for prose (French and English).
///
/// numlint reads plain text and Markdown, extracts every amount, percentage and growth
/// multiplier with its context, and flags figures that contradict each other: totals that
/// are not the sum of their parts, growth rates that do not match the values they link,
/// the same fact told twice with different values.
///
/// Exit codes: 0 = nothing at or above --fail-on, 1 = findings at or above it,
/// 2 = usage or input error (unreadable, binary, non-UTF-8 or empty file, bad config).
#[derive(Parser, Debug)]
#[command(name = "numlint", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Debug, Clone)]
struct InputArgs {
    /// Files or directories to read (`-` for stdin). Directories are walked honouring
    /// .gitignore and read .txt/.md files.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Only read files in directories that match this glob (gitignore syntax; `!` excludes).
    /// Repeatable.
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    globs: Vec<String>,
    /// Language of the documents (default: detected per file).
    #[arg(long, value_name = "fr|en")]
    lang: Option<Lang>,
    /// Read inputs as this format (default: by extension; stdin is text).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum InputFormat {
    Text,
    Markdown,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum ExtractFormat {
    /// A readable table of claim quantities (add --all for noise too).
    Table,
    /// JSON Lines: one object per quantity (schema in `numlint extract --help`).
    Json,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint documents for numeric inconsistencies.
    Check {
        #[command(flatten)]
        input: InputArgs,
        /// Exit 1 when a finding at or above this severity is reported.
        #[arg(long, value_name = "SEVERITY", default_value = "error")]
        fail_on: Severity,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value = "human")]
        format: OutputFormat,
        /// Configuration file (default: numlint.toml found upward from the first input).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
        /// Report only findings not recorded in this baseline file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Record the current findings as the baseline in FILE (written atomically).
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        /// Report only findings with a figure on a line changed since this git revision
        /// (`git diff REV`; untracked files count as wholly changed).
        #[arg(long, value_name = "REV")]
        diff: Option<String>,
        /// Print only the findings: no summary line.
        #[arg(long, short = 'q')]
        quiet: bool,
        /// Print the number of findings per rule (most frequent first) instead of the
        /// findings.
        #[arg(long)]
        statistics: bool,
    },
    /// Run the language server (LSP over stdio) for editors: diagnostics on open, change
    /// and save of Markdown and text documents, facts compared across the workspace.
    Lsp,
    /// List every rule with its code, default severity and summary.
    Rules,
    /// Print a rule's documentation with a failing and a passing example.
    Explain {
        /// Rule code, e.g. `growth-rate`.
        code: String,
    },
    /// List every numeric mention with its value, unit, qualifier, interval and context.
    ///
    /// JSON Lines fields: file, line, column, offset, length (bytes), surface, kind, claim,
    /// value (decimal string, scale applied), unit, scale, precision, qualifier, lo, hi,
    /// lo_open, hi_open; for claims also subject, partner, metric, period, role, direction,
    /// confidence.
    Extract {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value = "table")]
        format: ExtractFormat,
        /// In the table, also list noise: years, dates, footnote markers, identifiers.
        #[arg(long)]
        all: bool,
        /// Configuration file whose `[lexicon]` extends the built-in terms (default:
        /// numlint.toml found upward from the first input).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
}

/// The configuration (`--config`, else numlint.toml found upward from the first input,
/// else the defaults) and the lexicon it extends; the input's language defaults to the
/// configuration's. A bad file is reported here and gives exit code 2.
fn config_and_lexicon(
    config: Option<PathBuf>,
    input: &mut InputArgs,
) -> Result<(numlint::config::Config, Lexicon), ExitCode> {
    let config_path = config.or_else(|| {
        input
            .paths
            .iter()
            .find(|p| p.as_os_str() != "-")
            .and_then(|p| numlint::config::Config::discover(p))
    });
    let config = match &config_path {
        Some(p) => numlint::config::Config::load(p).map_err(|e| {
            eprintln!("{:?}", miette::Report::new(e));
            ExitCode::from(2)
        })?,
        None => numlint::config::Config::default(),
    };
    let origin = config_path
        .as_ref()
        .map_or("numlint.toml".into(), |p| p.display().to_string());
    let lex = Lexicon::for_config(&config, &origin).map_err(|e| {
        eprintln!("{:?}", miette::Report::new(e));
        ExitCode::from(2)
    })?;
    if input.lang.is_none() {
        input.lang = config.lang;
    }
    Ok((config, lex))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e:?}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> miette::Result<ExitCode> {
    match cli.command {
        Command::Extract {
            input,
            format,
            all,
            config,
        } => {
            // The same lexicon as `check`: a term added in numlint.toml is read here too.
            let mut input = input;
            let (_, lex) = match config_and_lexicon(config, &mut input) {
                Ok(both) => both,
                Err(code) => return Ok(code),
            };
            let (docs, input_failed) = load(&input, false);
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            // Documents are analysed and rendered in parallel, a batch at a time, and
            // written in input order: the output is the same whatever the thread count,
            // and only one batch of rendered text is held at once.
            use rayon::prelude::*;
            let batch = rayon::current_num_threads().max(1) * EXTRACT_BATCH_PER_THREAD;
            let indexed: Vec<(usize, &numlint::document::Document)> =
                docs.iter().enumerate().collect();
            for group in indexed.chunks(batch) {
                let rendered: Vec<io::Result<Vec<u8>>> = group
                    .par_iter()
                    .map(|&(i, doc)| {
                        let a = numlint::analyse(i, doc, &lex);
                        let mut buf = Vec::new();
                        match format {
                            ExtractFormat::Json => numlint::report::extract::write_json(
                                &mut buf,
                                doc,
                                &a.quantities,
                                &a.claims,
                            ),
                            ExtractFormat::Table => numlint::report::extract::write_table(
                                &mut buf,
                                doc,
                                &a.quantities,
                                &a.claims,
                                all,
                            ),
                        }
                        .map(|()| buf)
                    })
                    .collect();
                for r in rendered {
                    if let Err(e) = r.and_then(|buf| out.write_all(&buf)) {
                        if e.kind() == io::ErrorKind::BrokenPipe {
                            return Ok(ExitCode::SUCCESS);
                        }
                        return Err(miette::miette!("cannot write output: {e}"));
                    }
                }
            }
            let _ = out.flush();
            // The process ends here: no need to free every document one by one.
            std::mem::forget(docs);
            Ok(if input_failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Lsp => match numlint::lsp::run() {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(e) => {
                eprintln!("numlint lsp: {e}");
                Ok(ExitCode::from(2))
            }
        },
        Command::Rules => {
            for r in numlint::checks::registry::registry() {
                println!(
                    "{:<20} {:<8} {}",
                    r.code,
                    r.default_severity.as_str(),
                    r.summary
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { code } => match numlint::checks::registry::find(&code) {
            Some(r) => {
                print!("{}", numlint::checks::registry::explain(&r));
                Ok(ExitCode::SUCCESS)
            }
            None => {
                let codes: Vec<String> = numlint::checks::registry::registry()
                    .into_iter()
                    .map(|r| r.code)
                    .collect();
                eprintln!(
                    "error: unknown rule `{code}`; known rules: {}",
                    codes.join(", ")
                );
                Ok(ExitCode::from(2))
            }
        },
        Command::Check {
            input,
            fail_on,
            format,
            config,
            baseline,
            write_baseline,
            diff,
            quiet,
            statistics,
        } => {
            let mut input = input;
            let (config, lex) = match config_and_lexicon(config, &mut input) {
                Ok(both) => both,
                Err(code) => return Ok(code),
            };
            let progress = !format.is_machine() && !quiet && io::stderr().is_terminal();
            let (docs, input_failed) = load(&input, progress);
            let spinner = (progress && docs.len() >= PROGRESS_MIN_FILES)
                .then(|| Progress::spinner(format!("checking {} files", docs.len())));
            let mut findings = numlint::lint(&docs, &lex, &config);
            if let Some(p) = spinner {
                p.finish();
            }
            if let Some(rev) = &diff {
                match numlint::report::diff::changes(&docs, rev) {
                    Ok(changes) => {
                        findings = numlint::report::diff::filter(&docs, &changes, findings)
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        return Ok(ExitCode::from(2));
                    }
                }
            }
            if let Some(path) = &write_baseline {
                if let Err(e) = numlint::baseline::Baseline::from_findings(&findings).write(path) {
                    eprintln!("{:?}", miette::Report::new(e));
                    return Ok(ExitCode::from(2));
                }
            }
            if let Some(path) = &baseline {
                match numlint::baseline::Baseline::load(path) {
                    Ok(b) => findings = b.filter(findings),
                    Err(e) => {
                        eprintln!("{:?}", miette::Report::new(e));
                        return Ok(ExitCode::from(2));
                    }
                }
            }
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            let written = if statistics {
                numlint::report::write_statistics(&mut out, &findings)
            } else if quiet && format == OutputFormat::Human {
                numlint::report::human::write_findings_only(
                    &mut out,
                    &docs,
                    &findings,
                    numlint::report::human::fancy(),
                )
            } else {
                numlint::report::write_findings(format, &mut out, &docs, &findings)
            };
            if let Err(e) = written.and_then(|_| out.flush()) {
                if e.kind() != io::ErrorKind::BrokenPipe {
                    return Err(miette::miette!("cannot write output: {e}"));
                }
            }
            let failing = findings.iter().any(|f| f.severity >= fail_on);
            // The process ends here: freeing millions of small allocations one by one
            // (texts, findings) would take a noticeable share of a large run.
            std::mem::forget(findings);
            std::mem::forget(docs);
            Ok(if input_failed {
                ExitCode::from(2)
            } else if failing {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// Documents `extract` renders per thread before writing them out.
const EXTRACT_BATCH_PER_THREAD: usize = 4;

/// A progress bar is drawn (on stderr, when it is a terminal) from this many files on.
const PROGRESS_MIN_FILES: usize = 50;
/// … and only once the step has taken this long (no flicker on quick runs).
const PROGRESS_DELAY: Duration = Duration::from_millis(300);

/// A progress bar or spinner on stderr, drawn only once its step has taken
/// PROGRESS_DELAY, cleared when done.
struct Progress {
    /// `Some(len)` for a bar, `None` for a spinner.
    len: Option<u64>,
    label: String,
    start: Instant,
    count: AtomicU64,
    /// (finished, the bar once drawn).
    shared: Arc<Mutex<(bool, Option<indicatif::ProgressBar>)>>,
}

impl Progress {
    /// A bar of `len` steps advanced by [`Progress::inc`].
    fn bar(len: u64, label: &str) -> Progress {
        Progress {
            len: Some(len),
            label: label.to_string(),
            start: Instant::now(),
            count: AtomicU64::new(0),
            shared: Arc::new(Mutex::new((false, None))),
        }
    }

    /// A spinner for one long call: it appears after PROGRESS_DELAY unless finished.
    fn spinner(label: String) -> Progress {
        let p = Progress {
            len: None,
            label,
            start: Instant::now(),
            count: AtomicU64::new(0),
            shared: Arc::new(Mutex::new((false, None))),
        };
        let (shared, label) = (Arc::clone(&p.shared), p.label.clone());
        std::thread::spawn(move || {
            std::thread::sleep(PROGRESS_DELAY);
            if let Ok(mut s) = shared.lock() {
                if !s.0 && s.1.is_none() {
                    let pb = indicatif::ProgressBar::new_spinner();
                    pb.set_message(label);
                    pb.enable_steady_tick(Duration::from_millis(120));
                    s.1 = Some(pb);
                }
            }
        });
        p
    }

    fn inc(&self) {
        let n = self.count.fetch_add(1, Ordering::Relaxed) + 1;
        let late = self.start.elapsed() >= PROGRESS_DELAY;
        let Ok(mut s) = self.shared.lock() else {
            return;
        };
        if s.0 {
            return;
        }
        match &s.1 {
            Some(pb) => pb.set_position(n),
            None if late => {
                let pb = indicatif::ProgressBar::new(self.len.unwrap_or(0));
                if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
                    "{} {{bar:30}} {{pos}}/{{len}}",
                    self.label
                )) {
                    pb.set_style(style);
                }
                pb.set_position(n);
                s.1 = Some(pb);
            }
            None => {}
        }
    }

    fn finish(self) {
        if let Ok(mut s) = self.shared.lock() {
            s.0 = true;
            if let Some(pb) = s.1.take() {
                pb.finish_and_clear();
            }
        }
    }
}

/// Read every input; report each input problem on stderr and carry on with the rest.
/// `progress`: draw a bar while reading when there are many files.
fn load(input: &InputArgs, progress: bool) -> (Vec<numlint::document::Document>, bool) {
    let (inputs, errors) = source::collect(&input.paths, &input.globs);
    let bar = (progress && inputs.len() >= PROGRESS_MIN_FILES)
        .then(|| Progress::bar(inputs.len() as u64, "reading files"));
    let mut failed = !errors.is_empty();
    for e in errors {
        eprintln!("{:?}", miette::Report::new(e));
    }
    let format = input.input_format.map(|f| match f {
        InputFormat::Text => Format::Text,
        InputFormat::Markdown => Format::Markdown,
    });
    // Read and clean in parallel; keep the order of the inputs.
    use rayon::prelude::*;
    let read: Vec<_> = inputs
        .par_iter()
        .map(|i| {
            let r = source::read(i, input.lang, format);
            if let Some(p) = &bar {
                p.inc();
            }
            r
        })
        .collect();
    if let Some(p) = bar {
        p.finish();
    }
    let mut docs = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => {
                failed = true;
                eprintln!("{:?}", miette::Report::new(e));
            }
        }
    }
    (docs, failed)
}
