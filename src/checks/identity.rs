//! Arithmetic identities between metrics (`turnover = exports + imports`), declared as data
//! in `rules/identities.toml` and in the user's `numlint.toml`, parsed at start-up.
//!
//! Grammar (whitespace-insensitive):
//! ```text
//! identity := metric "=" expr
//! expr     := ["-"] term (("+" | "-" | "−") term)*
//! term     := number ["*"] metric | metric | number
//! metric   := [a-z_][a-z0-9_:-]*        (a canonical metric code)
//! ```

use std::collections::BTreeSet;
use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;

/// One `[[identity]]` table as written in TOML.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct IdentitySpec {
    /// Rule code findings carry (default `identity`).
    #[serde(default)]
    pub rule: Option<String>,
    /// `metric = expression`.
    pub expr: String,
    /// What the identity means (shown in the help line).
    #[serde(default)]
    pub doc: Option<String>,
}

/// One term of the right-hand side: `coef × metric`, or a constant when `metric` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub coef: Decimal,
    pub metric: Option<String>,
}

/// A parsed identity `lhs = Σ terms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub rule: String,
    pub lhs: String,
    pub rhs: Vec<Term>,
    pub source: String,
}

impl Identity {
    /// Every metric the identity mentions, left-hand side first.
    pub fn metrics(&self) -> Vec<&str> {
        let mut v = vec![self.lhs.as_str()];
        for t in &self.rhs {
            if let Some(m) = &t.metric {
                if !v.contains(&m.as_str()) {
                    v.push(m);
                }
            }
        }
        v
    }

    /// The identity as `lhs - Σ terms = 0`: coefficient of each metric and the constant.
    pub fn as_zero_sum(&self) -> (Vec<(String, Decimal)>, Decimal) {
        let mut coefs: Vec<(String, Decimal)> = vec![(self.lhs.clone(), Decimal::ONE)];
        let mut constant = Decimal::ZERO;
        for t in &self.rhs {
            match &t.metric {
                Some(m) => match coefs.iter_mut().find(|(n, _)| n == m) {
                    Some((_, c)) => *c -= t.coef,
                    None => coefs.push((m.clone(), -t.coef)),
                },
                None => constant -= t.coef,
            }
        }
        (coefs, constant)
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// Why an identity could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityError {
    pub expr: String,
    pub reason: String,
}

impl fmt::Display for IdentityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid identity `{}`: {}", self.expr, self.reason)
    }
}

impl std::error::Error for IdentityError {}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Decimal),
    Name(String),
    Plus,
    Minus,
    Star,
    Eq,
}

fn lex(s: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '+' => {
                out.push(Tok::Plus);
                i += 1
            }
            '-' | '−' | '–' => {
                out.push(Tok::Minus);
                i += 1
            }
            '*' | '×' => {
                out.push(Tok::Star);
                i += 1
            }
            '=' => {
                out.push(Tok::Eq);
                i += 1
            }
            c if c.is_ascii_digit() || c == '.' => {
                let start = i;
                while i < cs.len() && (cs[i].is_ascii_digit() || cs[i] == '.') {
                    i += 1;
                }
                let text: String = cs[start..i].iter().collect();
                let d = text
                    .parse::<Decimal>()
                    .map_err(|_| format!("`{text}` is not a number"))?;
                out.push(Tok::Num(d));
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i;
                while i < cs.len() && (cs[i].is_ascii_alphanumeric() || matches!(cs[i], '_' | ':'))
                {
                    i += 1;
                }
                // A hyphen inside a name (`new-residents`) is part of it when a letter follows.
                while i + 1 < cs.len() && cs[i] == '-' && cs[i + 1].is_ascii_alphabetic() {
                    i += 1;
                    while i < cs.len()
                        && (cs[i].is_ascii_alphanumeric() || matches!(cs[i], '_' | ':'))
                    {
                        i += 1;
                    }
                }
                out.push(Tok::Name(cs[start..i].iter().collect::<String>()));
            }
            other => return Err(format!("unexpected character `{other}`")),
        }
    }
    Ok(out)
}

/// Parse `metric = expression`.
pub fn parse(expr: &str, rule: &str) -> Result<Identity, IdentityError> {
    let err = |reason: String| IdentityError {
        expr: expr.to_string(),
        reason,
    };
    let toks = lex(expr).map_err(err)?;
    let (lhs, rest) = match toks.as_slice() {
        [Tok::Name(n), Tok::Eq, rest @ ..] => (n.clone(), rest),
        _ => {
            return Err(err(
                "expected `metric = expression` (a metric name, `=`, then terms)".into(),
            ))
        }
    };
    if rest.is_empty() {
        return Err(err("nothing after `=`".into()));
    }
    let mut rhs = Vec::new();
    let mut i = 0;
    let mut sign = Decimal::ONE;
    if rest[0] == Tok::Minus {
        sign = -Decimal::ONE;
        i = 1;
    }
    loop {
        let (term, next) = match (rest.get(i), rest.get(i + 1), rest.get(i + 2)) {
            (Some(Tok::Num(n)), Some(Tok::Star), Some(Tok::Name(m))) => (
                Term {
                    coef: *n * sign,
                    metric: Some(m.clone()),
                },
                i + 3,
            ),
            (Some(Tok::Num(n)), Some(Tok::Name(m)), _) => (
                Term {
                    coef: *n * sign,
                    metric: Some(m.clone()),
                },
                i + 2,
            ),
            (Some(Tok::Num(n)), _, _) => (
                Term {
                    coef: *n * sign,
                    metric: None,
                },
                i + 1,
            ),
            (Some(Tok::Name(m)), _, _) => (
                Term {
                    coef: sign,
                    metric: Some(m.clone()),
                },
                i + 1,
            ),
            (Some(t), _, _) => return Err(err(format!("unexpected `{}`", tok_str(t)))),
            (None, _, _) => return Err(err("expression ends after an operator".into())),
        };
        if term.metric.as_deref() == Some(lhs.as_str()) {
            return Err(err(format!("`{lhs}` stands on both sides")));
        }
        rhs.push(term);
        i = next;
        match rest.get(i) {
            None => break,
            Some(Tok::Plus) => sign = Decimal::ONE,
            Some(Tok::Minus) => sign = -Decimal::ONE,
            Some(t) => return Err(err(format!("expected `+` or `-` before `{}`", tok_str(t)))),
        }
        i += 1;
    }
    if !rhs.iter().any(|t| t.metric.is_some()) {
        return Err(err("the right-hand side names no metric".into()));
    }
    Ok(Identity {
        rule: rule.to_string(),
        lhs,
        rhs,
        source: expr.split_whitespace().collect::<Vec<_>>().join(" "),
    })
}

fn tok_str(t: &Tok) -> String {
    match t {
        Tok::Num(n) => n.to_string(),
        Tok::Name(n) => n.clone(),
        Tok::Plus => "+".into(),
        Tok::Minus => "-".into(),
        Tok::Star => "*".into(),
        Tok::Eq => "=".into(),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentitiesFile {
    #[serde(default)]
    identity: Vec<IdentitySpec>,
    #[serde(default)]
    flows: Option<Flows>,
    #[serde(default)]
    sign: Vec<SignWords>,
}

/// Words that state the sign of a metric without its value ("un solde positif", "a trade
/// deficit"): the identity giving that metric must then have that sign.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignWords {
    pub metric: String,
    #[serde(default)]
    pub positive: Vec<String>,
    #[serde(default)]
    pub negative: Vec<String>,
    /// Nouns of the metric that a sign adjective may follow a few words later ("the trade
    /// balance was therefore positive", "le solde reste négatif").
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub positive_adjectives: Vec<String>,
    #[serde(default)]
    pub negative_adjectives: Vec<String>,
    /// Words right before a figure of the metric that make the figure negative: "un
    /// déficit de 1 745 millions" is a balance of −1 745 (as are the `negative` phrases).
    #[serde(default)]
    pub negative_figure: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Flows {
    metrics: Vec<String>,
}

/// The built-in identities and flow metrics.
#[derive(Debug, Clone, Default)]
pub struct Relations {
    pub identities: Vec<Identity>,
    /// Metrics that add up over time (parts of a period sum to the whole period).
    pub flows: BTreeSet<String>,
    /// Words stating a metric's sign.
    pub signs: Vec<SignWords>,
}

const BUILTIN: &str = include_str!("../../rules/identities.toml");

impl Relations {
    /// Parse `rules/identities.toml` (embedded). A broken built-in file is a build error
    /// caught by the tests, so this never fails at run time on a released binary.
    pub fn builtin() -> Result<Relations, IdentityError> {
        Relations::from_toml(BUILTIN)
    }

    pub fn from_toml(text: &str) -> Result<Relations, IdentityError> {
        let file: IdentitiesFile = toml::from_str(text).map_err(|e| IdentityError {
            expr: "rules/identities.toml".into(),
            reason: e.message().to_string(),
        })?;
        let mut r = Relations::default();
        for spec in &file.identity {
            r.identities.push(spec.parse()?);
        }
        if let Some(f) = file.flows {
            r.flows.extend(f.metrics);
        }
        for mut sign in file.sign {
            for w in sign
                .positive
                .iter_mut()
                .chain(sign.negative.iter_mut())
                .chain(sign.nouns.iter_mut())
                .chain(sign.positive_adjectives.iter_mut())
                .chain(sign.negative_adjectives.iter_mut())
                .chain(sign.negative_figure.iter_mut())
            {
                *w = w.to_lowercase();
            }
            r.signs.push(sign);
        }
        Ok(r)
    }
}

impl IdentitySpec {
    pub fn parse(&self) -> Result<Identity, IdentityError> {
        parse(&self.expr, self.rule.as_deref().unwrap_or("identity"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn parses_sums_differences_and_coefficients() {
        let i = parse("turnover = exports + imports", "trade-balance").unwrap();
        assert_eq!(i.lhs, "turnover");
        assert_eq!(i.metrics(), vec!["turnover", "exports", "imports"]);
        let b = parse("balance = exports − imports", "x").unwrap();
        assert_eq!(b.rhs[1].coef, dec!(-1));
        let c = parse("net-income = 2 * revenue - cost - 10", "x").unwrap();
        assert_eq!(c.rhs[0].coef, dec!(2));
        assert_eq!(c.rhs[0].metric.as_deref(), Some("revenue"));
        assert_eq!(c.rhs[2].metric, None);
        assert_eq!(c.lhs, "net-income");
    }

    #[test]
    fn rejects_malformed_identities() {
        assert!(parse("turnover exports + imports", "x").is_err());
        assert!(parse("turnover = exports +", "x").is_err());
        assert!(parse("turnover = 3", "x").is_err());
        assert!(parse("a = a + b", "x").is_err());
        assert!(parse("a = b $ c", "x").is_err());
        assert!(parse("a = b c", "x").is_err());
    }

    #[test]
    fn builtin_file_loads() {
        let r = Relations::builtin().unwrap();
        assert_eq!(r.identities.len(), 2);
        assert!(r.flows.contains("exports"));
    }

    #[test]
    fn zero_sum_form() {
        let i = parse("balance = exports - imports", "x").unwrap();
        let (c, k) = i.as_zero_sum();
        assert_eq!(
            c,
            vec![
                ("balance".to_string(), dec!(1)),
                ("exports".to_string(), dec!(-1)),
                ("imports".to_string(), dec!(1))
            ]
        );
        assert_eq!(k, dec!(0));
    }
}
