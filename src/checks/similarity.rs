//! Clause similarity around figures, indexed: which figures are told in (nearly) the same
//! words elsewhere in the run.
//!
//! Each claim gets a clause: the content words of its sentence within a window around the
//! figure, normalised (lower case, accents folded, cut to a 5-letter stem so `créeront` and
//! `créera` meet), plus word bigrams for order, plus the other numbers of the window (years
//! as `Y2024`, other figures by value: the number word `Sept` and the digit `7` are the same
//! token because the extractor gave them one value). Tokens are weighted by inverse clause
//! frequency, and similarity is the weighted Jaccard of two clauses.
//!
//! Candidate pairs come from an inverted index of tokens; tokens shared by very many
//! clauses are left out of candidate generation (they still count in the similarity), so
//! the work grows with the document, not with its square.

use crate::fasthash::FxHashMap;
use std::ops::Range;

use crate::claim::Claim;
use crate::document::Document;

/// Words either side of the figure that make its clause.
const WINDOW: usize = 12;
/// Tokens in more clauses than this (or 2 % of clauses, whichever is larger, up to
/// [`MAX_POSTING_CAP`]) do not generate candidates. The upper bound keeps the work per
/// clause constant on a large run, so the whole is linear in the number of figures.
const MIN_POSTING_CAP: usize = 12;
/// Upper bound on that cap, whatever the run's size: with a cap proportional to the clause
/// count, candidate generation was quadratic on large runs (issue 6).
const MAX_POSTING_CAP: usize = 256;
/// Candidates kept per clause (the most similar): a fact told k times yields O(k) pairs,
/// not k² (issue 6: 100 MB corpora with many repeats).
const MAX_CANDIDATES: usize = 16;
/// Candidates (by shared weight) whose exact similarity is computed, per clause.
const PRESELECT: usize = 64;
/// Pseudo-clauses added to the clause count in inverse frequencies, so that weights of a
/// short draft (a handful of figures) stay near uniform instead of swinging on one count.
const SMOOTHING: f32 = 20.0;

/// Weight a clause needs before containment in another counts as similarity (a dozen
/// uncommon words with their bigrams).
const MIN_CONTAINED_WEIGHT: f32 = 20.0;
/// Containment counts for this much of a similarity.
const CONTAINMENT_DISCOUNT: f32 = 0.75;
/// Words either side of the figure that make its near clause: a fact quoted again in
/// another setting ("les parties ont déjà signé 15 accords interrégionaux") keeps its
/// nearest words when the rest of the sentence changes.
const NEAR: usize = 4;
/// The containment of the near clauses counts for this much, and only when they share
/// this weight (several uncommon words: "60 nouveaux emplois" alone is no fact).
const NEAR_DISCOUNT: f32 = 0.85;
const MIN_NEAR_SHARED: f32 = 14.0;

#[derive(Debug, Clone, Default)]
pub struct Clause {
    /// Years written in the clause.
    pub years: Vec<i32>,
    /// First content word after the figure (or before it when none follows): what the
    /// figure counts (`425 organisations`).
    pub anchor: Option<u32>,
    /// Sentence of the claim (doc, byte range in the cleaned text).
    pub sentence: (usize, Range<usize>),
}

/// Where a clause's tokens lie in [`Clauses::arena`] (`start..near`, then its near tokens
/// at `near..end`), and the total weight of each part.
#[derive(Debug, Clone, Copy)]
struct Place {
    start: u32,
    near: u32,
    end: u32,
    total: f32,
    near_total: f32,
}

/// Where a clause's token ids lie in [`RawTokens`]: its tokens (sorted, deduplicated) at
/// `start..near`, then the same of the [`NEAR`] words either side of the figure at
/// `near..end`.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: usize,
    near: usize,
    end: usize,
}

pub struct Clauses {
    pub clauses: Vec<Clause>,
    /// Token lists of every class, one after the other (see [`Place`]): one allocation
    /// for the run, and a class told many times is stored once.
    arena: Vec<u32>,
    /// Weight of each token, by id. Kept in a table rather than beside each id in the
    /// arena: the tokens two clauses share are mostly common ones, whose weights stay in
    /// cache, and a second stream of weights beside the ids cost more cache misses in the
    /// bound and the exact score alike (measured with cachegrind on the 10 MB corpus).
    weights: Vec<f32>,
    /// Each clause's tokens in the arena and their total weights, in one record: scoring
    /// a candidate starts with a single random read.
    places: Vec<Place>,
    /// The text of each token (a stem, `Y2024`, `#7`, or two stems for a pair).
    words: StringTable,
    /// Clauses holding each token, ascending, all in `posting`: token `t`'s list from
    /// `posting_start[t]` to `posting_start[t + 1]` (see [`Clauses::posting_of`]); empty
    /// for tokens in more than the posting cap (they generate no candidates). One array
    /// for all tokens rather than a vector each.
    posting_start: Vec<u32>,
    posting: Vec<u32>,
    /// Clauses of the same class have the same tokens and near tokens.
    class: Vec<u32>,
    /// Classes of more than one clause.
    repeated: Vec<bool>,
}

impl Clauses {
    /// Build clauses for every claim (index = claim index).
    ///
    /// Each sentence holding claims is tokenised once (its figures collapsed to one token
    /// each), and every claim of it takes its window from that list: linear in the text
    /// even when one "sentence" is a whole file with thousands of figures.
    ///
    /// Token ids are given in the order the windows are read (sentences by (doc, start),
    /// claims by position, each window's words and bigrams left to right): ids order the
    /// token lists, and so the order in which weights are summed, which must not depend on
    /// the number of threads.
    pub fn build(docs: &[Document], claims: &[Claim]) -> Clauses {
        use rayon::prelude::*;
        // Claims grouped by (doc, sentence), sorted by position inside each group. The
        // sentence is the one the context reader found (abbreviations, quotes, brackets).
        let mut groups: FxHashMap<(usize, usize), Vec<usize>> = FxHashMap::default();
        let mut sentence_of: Vec<Option<Range<usize>>> = vec![None; claims.len()];
        for (i, c) in claims.iter().enumerate() {
            let Some(doc) = docs.get(c.doc) else {
                continue;
            };
            let sent = if c.sentence.end <= doc.clean.text.len() && !c.sentence.is_empty() {
                c.sentence.clone()
            } else {
                0..doc.clean.text.len()
            };
            groups.entry((c.doc, sent.start)).or_default().push(i);
            sentence_of[i] = Some(sent);
        }
        let mut groups: Vec<((usize, usize), Vec<usize>)> = groups.into_iter().collect();
        groups.sort_unstable_by_key(|g| g.0);
        // Tokenising is independent per sentence: in parallel, in order.
        let tokenised: Vec<Tokenised> = groups
            .par_iter_mut()
            .map(|(key, members)| {
                members.sort_by_key(|&i| (claims[i].quantity.clean.start, i));
                match &sentence_of[members[0]] {
                    Some(sent) => tokens(&docs[key.0].clean.text, sent.clone(), claims, members),
                    None => Tokenised::default(),
                }
            })
            .collect();

        // Words are interned once per sentence (`wid`), then each window maps its words
        // and word pairs to token ids, given on first sight.
        let mut word_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut gid_of_word: Vec<u32> = Vec::new();
        let mut gid_of_pair: FxHashMap<u64, u32> = FxHashMap::default();
        let mut words = StringTable::default();
        let mut word_text = StringTable::default();
        let mut clauses = vec![Clause::default(); claims.len()];
        // Token ids of every clause, in one buffer (not two vectors a claim), until
        // classes are known.
        let mut raw = RawTokens::default();
        let mut raw_spans = vec![Span::default(); claims.len()];
        let (mut ids, mut near): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        let mut wids: Vec<u32> = Vec::new();
        let mut token_of: FxHashMap<usize, usize> = FxHashMap::default();
        let mut window: Vec<usize> = Vec::new();
        // Id of the pair (k, k + 1) of the current sentence's tokens, once given.
        let mut pair_at: Vec<u32> = Vec::new();
        for ((key, members), sentence) in groups.iter().zip(&tokenised) {
            let doc = key.0;
            let Some(sent) = sentence_of[members[0]].clone() else {
                continue;
            };
            let toks = &sentence.toks;
            wids.clear();
            for t in toks {
                let text = sentence.text_of(t);
                let id = match word_ids.get(text) {
                    Some(&id) => id,
                    None => {
                        let id = word_text.push(text);
                        gid_of_word.push(u32::MAX);
                        word_ids.insert(text.to_owned(), id);
                        id
                    }
                };
                wids.push(id);
            }
            pair_at.clear();
            pair_at.resize(toks.len(), u32::MAX);
            token_of.clear();
            token_of.extend(
                toks.iter()
                    .enumerate()
                    .filter_map(|(k, t)| t.claim.map(|c| (c, k))),
            );
            for &i in members {
                let own = &claims[i].quantity.clean;
                let fig = token_of
                    .get(&i)
                    .copied()
                    .unwrap_or_else(|| toks.partition_point(|t| t.pos < own.start));
                // The figure itself (and any figure read over the same bytes) is left out.
                let is_own = |k: usize| {
                    toks[k]
                        .claim
                        .is_some_and(|c| claims[c].quantity.clean == *own)
                };
                window.clear();
                window.extend((0..fig).rev().filter(|&k| !is_own(k)).take(WINDOW));
                window.reverse();
                let nb = window.len();
                window.extend((fig..toks.len()).filter(|&k| !is_own(k)).take(WINDOW));
                let mut years: Vec<i32> = window.iter().filter_map(|&k| toks[k].year).collect();
                // Token ids of a run of the window: each word, and each word with the next.
                let mut grams = |part: &[usize], ids: &mut Vec<u32>| {
                    for (n, &k) in part.iter().enumerate() {
                        let w = wids[k];
                        let g = &mut gid_of_word[w as usize];
                        if *g == u32::MAX {
                            *g = words.push(word_text.get(w));
                        }
                        ids.push(*g);
                        if let Some(&next) = part.get(n + 1) {
                            // Adjacent words recur in the windows of every figure of the
                            // sentence: their pair's id is remembered by position.
                            let memo = (next == k + 1).then_some(k);
                            if let Some(&id) = memo
                                .and_then(|k| pair_at.get(k))
                                .filter(|&&id| id != u32::MAX)
                            {
                                ids.push(id);
                                continue;
                            }
                            let v = wids[next];
                            let id = *gid_of_pair
                                .entry(u64::from(w) << 32 | u64::from(v))
                                .or_insert_with(|| {
                                    words.push_pair(word_text.get(w), word_text.get(v))
                                });
                            if let Some(k) = memo {
                                pair_at[k] = id;
                            }
                            ids.push(id);
                        }
                    }
                };
                ids.clear();
                grams(&window, &mut ids);
                near.clear();
                grams(
                    &window[nb.saturating_sub(NEAR)..(nb + NEAR).min(window.len())],
                    &mut near,
                );
                near.sort_unstable();
                near.dedup();
                let anchor = window
                    .get(nb)
                    .filter(|&&k| toks[k].word)
                    .or_else(|| {
                        nb.checked_sub(1)
                            .map(|b| &window[b])
                            .filter(|&&k| toks[k].word)
                    })
                    .map(|&k| gid_of_word[wids[k] as usize]);
                ids.sort_unstable();
                ids.dedup();
                years.sort_unstable();
                years.dedup();
                raw_spans[i] = raw.push(&ids, &near);
                clauses[i] = Clause {
                    years,
                    anchor,
                    sentence: (doc, sent.clone()),
                };
            }
        }
        drop(tokenised);
        let mut df = vec![0u32; words.len()];
        for span in &raw_spans {
            for &t in raw.tokens(span) {
                df[t as usize] += 1;
            }
        }
        let n = clauses.len().max(1) as f32;
        let weights: Vec<f32> = df
            .iter()
            .map(|&d| ((n + SMOOTHING) / d.max(1) as f32).ln().max(0.05))
            .collect();
        let cap = (clauses.len() / 50).clamp(MIN_POSTING_CAP, MAX_POSTING_CAP);
        let (posting_start, posting) = postings(&raw, &raw_spans, &df, cap);
        drop(df);
        // Clauses with the same tokens score the same against anything: a class each, so
        // a fact told in the same words many times is scored once per pair of wordings.
        let mut arena: Vec<u32> = Vec::new();
        let mut class_places: Vec<Place> = Vec::new();
        let class: Vec<u32> = {
            let mut seen: FxHashMap<(&[u32], &[u32]), u32> = FxHashMap::default();
            raw_spans
                .iter()
                .map(|span| {
                    let key = (raw.tokens(span), raw.near(span));
                    let next = seen.len() as u32;
                    *seen.entry(key).or_insert_with(|| {
                        class_places.push(place(&mut arena, key.0, key.1, &weights));
                        next
                    })
                })
                .collect()
        };
        drop(raw);
        let places = class.iter().map(|&c| class_places[c as usize]).collect();
        let mut repeated = vec![false; class.len()];
        let mut once = vec![false; class.len()];
        for &c in &class {
            let c = c as usize;
            repeated[c] |= once[c];
            once[c] = true;
        }
        Clauses {
            clauses,
            arena,
            weights,
            places,
            words,
            posting_start,
            posting,
            class,
            repeated,
        }
    }

    /// The tokens of clause `a`: sorted, deduplicated ids.
    fn tokens_of(&self, a: usize) -> &[u32] {
        let p = &self.places[a];
        &self.arena[p.start as usize..p.near as usize]
    }

    /// The near tokens of clause `a`.
    fn near_of(&self, a: usize) -> &[u32] {
        let p = &self.places[a];
        &self.arena[p.near as usize..p.end as usize]
    }

    /// Total weight of clause `a`'s tokens, and of its near tokens.
    fn totals_of(&self, a: usize) -> (f32, f32) {
        let p = &self.places[a];
        (p.total, p.near_total)
    }

    /// Clauses holding token `t`, ascending (none when it is too common to generate
    /// candidates).
    fn posting_of(&self, t: u32) -> &[u32] {
        let t = t as usize;
        &self.posting[self.posting_start[t] as usize..self.posting_start[t + 1] as usize]
    }

    /// Similarity of two clauses, and the weight they share: the best of their weighted
    /// Jaccard, the containment of the smaller in the larger, and the Jaccard of their near
    /// clauses (each of the last two at a discount).
    pub fn similarity(&self, a: usize, b: usize) -> (f32, f32) {
        let w = &self.weights[..];
        let (shared, union) = overlap(self.tokens_of(a), self.tokens_of(b), w);
        if union == 0.0 {
            return (0.0, 0.0);
        }
        // Containment: a short clause (a lead sentence cut by its full stop) told again
        // inside a longer one shares nearly all its words with it, though their Jaccard is
        // low. Counted only for clauses with enough informative words.
        let (ta, tb) = (self.totals_of(a), self.totals_of(b));
        let smaller = ta.0.min(tb.0);
        let contained = if smaller >= MIN_CONTAINED_WEIGHT {
            shared / smaller * CONTAINMENT_DISCOUNT
        } else {
            0.0
        };
        let (near_shared, near_union) = overlap(self.near_of(a), self.near_of(b), w);
        let near_smaller = ta.1.min(tb.1);
        let near = if near_shared >= MIN_NEAR_SHARED && near_union > 0.0 {
            near_shared / near_smaller * NEAR_DISCOUNT
        } else {
            0.0
        };
        ((shared / union).max(contained).max(near), shared)
    }

    /// Whether [`Clauses::similarity`] of `a` and `b` may reach `min`: false only when it
    /// certainly does not. `mark` and `near_mark` are bit sets of the tokens and the near
    /// tokens of `a`.
    ///
    /// Most candidates fall short, and the exact score is a merge of both token lists whose
    /// every step waits on the one before (the weights must be summed in token order to
    /// give the same floats). This bound needs only `b`'s tokens, looked up in `mark`, and
    /// sums in f64; its error (a few 1e-6 relative, against the exact f32 sums) is far
    /// inside [`BOUND_SLACK`].
    fn may_reach(&self, a: usize, b: usize, mark: &[u64], near_mark: &[u64], min: f32) -> bool {
        let shared = shared_weight(self.tokens_of(b), mark, &self.weights);
        let near_shared = shared_weight(self.near_of(b), near_mark, &self.weights);
        let (ta, tb) = (self.totals_of(a), self.totals_of(b));
        let union = f64::from(ta.0) + f64::from(tb.0) - shared;
        if union <= BOUND_SLACK {
            return true;
        }
        let mut bound = shared / union;
        let smaller = ta.0.min(tb.0);
        if smaller >= MIN_CONTAINED_WEIGHT {
            bound = bound.max(shared / f64::from(smaller) * f64::from(CONTAINMENT_DISCOUNT));
        }
        if near_shared >= f64::from(MIN_NEAR_SHARED) - NEAR_WEIGHT_SLACK {
            let near_smaller = f64::from(ta.1.min(tb.1));
            if near_smaller <= BOUND_SLACK {
                return true;
            }
            bound = bound.max(near_shared / near_smaller * f64::from(NEAR_DISCOUNT));
        }
        bound >= f64::from(min) - BOUND_SLACK
    }

    /// Pairs (a < b) among `eligible` clauses that share at least one selective token, with
    /// their similarity, when it reaches `min_similarity`.
    pub fn candidate_pairs(
        &self,
        eligible: &[bool],
        min_similarity: f32,
    ) -> Vec<(usize, usize, f32, f32)> {
        use rayon::prelude::*;
        let n = self.clauses.len();
        // Each clause's candidates are independent: generated in parallel and gathered in
        // clause order (rayon's collect keeps it), each clause's sorted by `b`, so the whole
        // is in (a, b) order whatever the number of threads, with no sort of the whole
        // list (that stable sort was about 1.3 % of a check on the 10 MB generated corpus).
        (0..n)
            .into_par_iter()
            .filter(|&a| eligible[a])
            .map_init(
                || Accumulator {
                    weight: vec![0.0; n],
                    touched: Vec::new(),
                    scores: FxHashMap::default(),
                    mark: vec![0; self.words.len().div_ceil(64)],
                    near_mark: vec![0; self.words.len().div_ceil(64)],
                },
                |acc, a| self.candidates_of(a, eligible, min_similarity, acc),
            )
            .flatten_iter()
            .collect()
    }

    /// The candidates of clause `a` among later clauses: those sharing selective tokens,
    /// the [`PRESELECT`] sharing most weight scored exactly, the [`MAX_CANDIDATES`] most
    /// similar kept.
    fn candidates_of(
        &self,
        a: usize,
        eligible: &[bool],
        min_similarity: f32,
        acc: &mut Accumulator,
    ) -> Vec<(usize, usize, f32, f32)> {
        for &t in self.tokens_of(a) {
            // Lists are ascending: the clauses after `a` are a suffix.
            let list = self.posting_of(t);
            let later = &list[list.partition_point(|&b| b as usize <= a)..];
            let w = self.weights[t as usize];
            for &b in later {
                let b = b as usize;
                if eligible[b] {
                    // Weights are positive: zero means not touched yet.
                    if acc.weight[b] == 0.0 {
                        acc.touched.push(b as u32);
                    }
                    acc.weight[b] += w;
                }
            }
        }
        // Exact similarity for the candidates sharing the most weight only: with long
        // posting lists a clause accumulates thousands (issue 6).
        let mut best: Vec<(usize, f32)> = acc
            .touched
            .drain(..)
            .map(|b| {
                let b = b as usize;
                (b, std::mem::take(&mut acc.weight[b]))
            })
            .collect();
        if best.len() > PRESELECT {
            best.select_nth_unstable_by(PRESELECT, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            best.truncate(PRESELECT);
        }
        if acc.scores.len() > MAX_REMEMBERED_SCORES {
            acc.scores.clear();
        }
        let ca = self.class[a];
        // Only a class told again can meet the same pair later: a unique clause's scores
        // are not kept (a large table of them costs a cache miss per lookup).
        let remember = self.repeated[ca as usize];
        for &t in self.tokens_of(a) {
            set_bit(&mut acc.mark, t);
        }
        for &t in self.near_of(a) {
            set_bit(&mut acc.near_mark, t);
        }
        let score = |b: usize, mark: &[u64], near_mark: &[u64]| {
            if self.may_reach(a, b, mark, near_mark, min_similarity) {
                self.similarity(a, b)
            } else {
                (f32::NEG_INFINITY, 0.0)
            }
        };
        let mut out: Vec<(usize, usize, f32, f32)> = Vec::new();
        for &(b, _) in &best {
            let (sim, shared) = if remember {
                match acc.scores.get(&(ca, self.class[b])) {
                    Some(&s) => s,
                    None => {
                        let s = score(b, &acc.mark, &acc.near_mark);
                        acc.scores.insert((ca, self.class[b]), s);
                        s
                    }
                }
            } else {
                score(b, &acc.mark, &acc.near_mark)
            };
            if sim >= min_similarity {
                out.push((a, b, sim, shared));
            }
        }
        for &t in self.tokens_of(a) {
            acc.mark[t as usize / 64] = 0;
        }
        for &t in self.near_of(a) {
            acc.near_mark[t as usize / 64] = 0;
        }
        if out.len() > MAX_CANDIDATES {
            // Most similar first, nearest first among equals: deterministic.
            out.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.1.cmp(&y.1)));
            out.truncate(MAX_CANDIDATES);
        }
        // In `b` order (each `b` is here once): see [`Clauses::candidate_pairs`].
        out.sort_unstable_by_key(|x| x.1);
        out
    }

    /// The most informative words two clauses share (for messages and fingerprints): the
    /// `n` heaviest, heaviest first, lower id first among equals.
    ///
    /// The shared ids come from one merge of the two sorted lists, and only the best `n`
    /// are kept as they come (an insertion into a list of `n`), not all sorted: the same
    /// words as sorting them all and taking the first `n`, since ids are unique.
    pub fn shared_words(&self, a: usize, b: usize, n: usize) -> Vec<&str> {
        use std::cmp::Ordering;
        let w = &self.weights;
        let (ta, tb) = (self.tokens_of(a), self.tokens_of(b));
        let mut best: Vec<u32> = Vec::with_capacity(n + 1);
        let (mut i, mut j) = (0, 0);
        while i < ta.len() && j < tb.len() {
            match ta[i].cmp(&tb[j]) {
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
                Ordering::Equal => {
                    let t = ta[i];
                    i += 1;
                    j += 1;
                    let word = self.words.get(t);
                    if word.contains(' ') || word.starts_with(['#', 'Y']) {
                        continue;
                    }
                    let before = |x: &u32| {
                        w[t as usize].total_cmp(&w[*x as usize]).then(x.cmp(&t)) == Ordering::Less
                    };
                    let at = best.partition_point(before);
                    if at < n {
                        best.insert(at, t);
                        best.truncate(n);
                    }
                }
            }
        }
        best.into_iter().map(|t| self.words.get(t)).collect()
    }
}

/// Weight two sorted token lists share, and the weight of their union (summed in
/// token order: the same floats whatever the caller).
fn overlap(ta: &[u32], tb: &[u32], w: &[f32]) -> (f32, f32) {
    let (mut i, mut j) = (0, 0);
    let (mut shared, mut union) = (0f32, 0f32);
    // Branch-free merge (the branches mispredicted on every step): on equal ids both
    // advance, `shared` gains the weight (adding 0.0 otherwise leaves it unchanged).
    while i < ta.len() && j < tb.len() {
        let (x, y) = (ta[i], tb[j]);
        let (wx, wy) = (w[x as usize], w[y as usize]);
        union += if x <= y { wx } else { wy };
        shared += if x == y { wx } else { 0.0 };
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    for &x in &ta[i..] {
        union += w[x as usize];
    }
    for &y in &tb[j..] {
        union += w[y as usize];
    }
    (shared, union)
}

/// Weight of the tokens `ids` set in `mark`, summed in f64 (for [`Clauses::may_reach`]).
fn shared_weight(ids: &[u32], mark: &[u64], weights: &[f32]) -> f64 {
    let mut shared = 0f64;
    for &t in ids {
        if has_bit(mark, t) {
            shared += f64::from(weights[t as usize]);
        }
    }
    shared
}

/// Strings by index, one after the other in one buffer: a large run has millions of stems
/// and stem pairs, which as strings of their own cost a heap block and a 24-byte header
/// each.
#[derive(Default)]
struct StringTable {
    text: String,
    /// Where each string ends in `text` (it starts where the one before ends).
    ends: Vec<usize>,
}

impl StringTable {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// Adds `s`; its index.
    fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.seal()
    }

    /// Adds "`a` `b`"; its index.
    fn push_pair(&mut self, a: &str, b: &str) -> u32 {
        self.text.reserve(a.len() + 1 + b.len());
        self.text.push_str(a);
        self.text.push(' ');
        self.text.push_str(b);
        self.seal()
    }

    /// Ends the string being written at the end of `text`.
    fn seal(&mut self) -> u32 {
        self.ends.push(self.text.len());
        (self.ends.len() - 1) as u32
    }
}

/// Appends a class's tokens and near tokens to `arena`, and says where.
fn place(arena: &mut Vec<u32>, tokens: &[u32], near: &[u32], weights: &[f32]) -> Place {
    // Summed in token order, as the exact scores are.
    let sum = |ts: &[u32]| ts.iter().map(|&t| weights[t as usize]).sum::<f32>();
    let end = |arena: &Vec<u32>| u32::try_from(arena.len()).expect("< 4 G clause tokens");
    let start = end(arena);
    arena.extend_from_slice(tokens);
    let mid = end(arena);
    arena.extend_from_slice(near);
    Place {
        start,
        near: mid,
        end: end(arena),
        total: sum(tokens),
        near_total: sum(near),
    }
}

/// The token ids of every clause while clauses are built, one after the other; a [`Span`]
/// gives each clause's part.
#[derive(Default)]
struct RawTokens {
    ids: Vec<u32>,
}

impl RawTokens {
    fn push(&mut self, tokens: &[u32], near: &[u32]) -> Span {
        let start = self.ids.len();
        self.ids.extend_from_slice(tokens);
        let mid = self.ids.len();
        self.ids.extend_from_slice(near);
        Span {
            start,
            near: mid,
            end: self.ids.len(),
        }
    }

    fn tokens(&self, s: &Span) -> &[u32] {
        &self.ids[s.start..s.near]
    }

    fn near(&self, s: &Span) -> &[u32] {
        &self.ids[s.near..s.end]
    }
}

/// Posting lists of tokens held by at most `cap` clauses (the others generate no
/// candidates and get an empty list), in one array: `(start, clauses)`, token `t`'s list
/// at `clauses[start[t]..start[t + 1]]`, ascending.
fn postings(raw: &RawTokens, spans: &[Span], df: &[u32], cap: usize) -> (Vec<u32>, Vec<u32>) {
    let mut start = Vec::with_capacity(df.len() + 1);
    let mut total = 0u32;
    start.push(0);
    for &d in df {
        if d as usize <= cap {
            total = total.checked_add(d).expect("fewer than 4 G postings");
        }
        start.push(total);
    }
    let mut fill = start.clone();
    let mut clauses = vec![0u32; total as usize];
    for (i, span) in spans.iter().enumerate() {
        for &t in raw.tokens(span) {
            let t = t as usize;
            if df[t] as usize <= cap {
                clauses[fill[t] as usize] = i as u32;
                fill[t] += 1;
            }
        }
    }
    (start, clauses)
}

/// Shared weight of the candidates of one clause, reused from clause to clause (a dense
/// array: a hash map per clause dominated candidate generation).
struct Accumulator {
    weight: Vec<f32>,
    touched: Vec<u32>,
    /// Similarities already computed, by pair of clause classes.
    scores: FxHashMap<(u32, u32), (f32, f32)>,
    /// Bit sets of the tokens and the near tokens of the clause being scored (a bit a
    /// token: small enough to stay in cache).
    mark: Vec<u64>,
    near_mark: Vec<u64>,
}

fn set_bit(bits: &mut [u64], t: u32) {
    bits[t as usize / 64] |= 1 << (t % 64);
}

fn has_bit(bits: &[u64], t: u32) -> bool {
    bits[t as usize / 64] & (1 << (t % 64)) != 0
}

/// Margin of [`Clauses::may_reach`] on a similarity (at most 1 or so) and on a weight sum
/// (a few dozen): a thousand times the rounding error of the exact f32 sums.
const BOUND_SLACK: f64 = 1e-3;
const NEAR_WEIGHT_SLACK: f64 = 1e-2;

/// Scores a thread remembers before it starts afresh (bounds memory on large runs).
const MAX_REMEMBERED_SCORES: usize = 1 << 16;

/// The content tokens of one sentence; their texts one after the other in `text` (a
/// string a token cost an allocation for every word of every sentence with a figure).
#[derive(Debug, Default)]
struct Tokenised {
    text: String,
    toks: Vec<Tok>,
}

impl Tokenised {
    fn text_of(&self, t: &Tok) -> &str {
        &self.text[t.text.clone()]
    }

    /// Appends a token whose text the caller has just written at the end of `text`, from
    /// byte `from`.
    fn push(
        &mut self,
        from: usize,
        pos: usize,
        word: bool,
        year: Option<i32>,
        claim: Option<usize>,
    ) {
        self.toks.push(Tok {
            text: from..self.text.len(),
            pos,
            word,
            year,
            claim,
        });
    }
}

#[derive(Debug, Clone)]
struct Tok {
    /// Its text, in [`Tokenised::text`].
    text: Range<usize>,
    pos: usize,
    /// A word (not a number token).
    word: bool,
    year: Option<i32>,
    /// The claim this token stands for (a figure of the sentence, as `#value`).
    claim: Option<usize>,
}

/// Content tokens of `range`. Each claim of `members` (sorted by position) becomes one
/// `#value` token; other digits become years (`Y2024`) or `#digits`.
fn tokens(text: &str, range: Range<usize>, claims: &[Claim], members: &[usize]) -> Tokenised {
    use std::fmt::Write;
    let mut out = Tokenised::default();
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    let mut i = 0;
    // Members whose span ends before the current word are behind us: a moving cursor.
    let mut cursor = 0;
    let mut last_emitted: Option<usize> = None;
    // The folded word, in one buffer for the whole sentence.
    let mut word_folded = String::new();
    while i < s.len() {
        let ch = s[i..].chars().next().unwrap_or(' ');
        let abs = range.start + i;
        if !ch.is_alphanumeric() {
            i += ch.len_utf8();
            continue;
        }
        let start = i;
        while i < s.len() {
            match s[i..].chars().next() {
                Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
                _ => break,
            }
        }
        let word = &s[start..i];
        while cursor < members.len() && claims[members[cursor]].quantity.clean.end <= abs {
            cursor += 1;
        }
        // The first member (by position) whose span holds this word.
        let inside = members[cursor..]
            .iter()
            .take_while(|&&k| claims[k].quantity.clean.start <= abs)
            .find(|&&k| abs < claims[k].quantity.clean.end)
            .copied();
        if let Some(k) = inside {
            if last_emitted != Some(k) {
                last_emitted = Some(k);
                let from = out.text.len();
                out.text.push('#');
                crate::decimal_text::push_normalized(&mut out.text, claims[k].quantity.value);
                out.push(from, abs, false, None, Some(k));
            }
            continue;
        }
        if bytes[start].is_ascii_digit() {
            let digits = &word[..word.bytes().take_while(u8::is_ascii_digit).count()];
            let year = digits
                .parse::<i32>()
                .ok()
                .filter(|y| digits.len() == 4 && (1900..=2100).contains(y));
            let from = out.text.len();
            match year {
                Some(y) => {
                    let _ = write!(out.text, "Y{y}");
                }
                None => {
                    out.text.push('#');
                    out.text.push_str(digits);
                }
            }
            out.push(from, abs, false, year, None);
            continue;
        }
        word_folded.clear();
        // An ASCII word folds to itself lower-cased, one byte a character.
        let ascii = word.is_ascii();
        if ascii {
            word_folded.push_str(word);
            word_folded.make_ascii_lowercase();
        } else {
            word_folded.extend(folded(word));
        }
        let chars = if ascii {
            word_folded.len()
        } else {
            word_folded.chars().count()
        };
        if chars <= 2 || is_stopword(&word_folded) {
            continue;
        }
        let from = out.text.len();
        if ascii {
            out.text.push_str(&word_folded[..chars.min(5)]);
        } else {
            out.text.extend(word_folded.chars().take(5));
        }
        out.push(from, abs, true, None, None);
    }
    out
}

/// Lower case with French accents folded.
pub fn fold(w: &str) -> String {
    folded(w).collect()
}

/// Whether `fold(w)` starts with `prefix`, without building the folded string (messages
/// look up the surface word of a stem word by word in its sentence).
pub fn fold_starts_with(w: &str, prefix: &str) -> bool {
    if w.is_ascii() {
        // An ASCII word folds to itself lower-cased: a prefix of it has its bytes.
        return prefix.len() <= w.len()
            && prefix
                .bytes()
                .zip(w.bytes())
                .all(|(p, c)| p == c.to_ascii_lowercase());
    }
    let mut f = folded(w);
    prefix.chars().all(|p| f.next() == Some(p))
}

/// The first character of `fold(w)`.
pub fn first_folded(w: &str) -> Option<char> {
    folded(w).next()
}

/// The characters of [`fold`].
fn folded(w: &str) -> impl Iterator<Item = char> + '_ {
    w.chars().flat_map(char::to_lowercase).map(|c| match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        c => c,
    })
}

fn is_stopword(w: &str) -> bool {
    const STOP: &[&str] = &[
        // French
        "les",
        "des",
        "une",
        "aux",
        "dans",
        "pour",
        "par",
        "sur",
        "qui",
        "que",
        "quoi",
        "est",
        "sont",
        "ont",
        "ete",
        "etait",
        "etaient",
        "avec",
        "sans",
        "plus",
        "moins",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "cette",
        "ces",
        "cet",
        "ce",
        "il",
        "elle",
        "ils",
        "elles",
        "nous",
        "vous",
        "mais",
        "ou",
        "donc",
        "car",
        "ainsi",
        "aussi",
        "deja",
        "tres",
        "tout",
        "tous",
        "toute",
        "toutes",
        "entre",
        "comme",
        "dont",
        "lors",
        "selon",
        "apres",
        "avant",
        "pas",
        "ne",
        "non",
        "sous",
        "vers",
        "chez",
        "fait",
        "etre",
        "avoir",
        "peut",
        "meme",
        "autre",
        "autres",
        "soit",
        "environ",
        "pres",
        "presque",
        "quelque",
        "egalement",
        "annee",
        "annees",
        "mois",
        // English
        "the",
        "and",
        "for",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "been",
        "with",
        "from",
        "that",
        "this",
        "these",
        "those",
        "which",
        "who",
        "its",
        "their",
        "than",
        "more",
        "less",
        "into",
        "also",
        "about",
        "over",
        "under",
        "nearly",
        "almost",
        "some",
        "year",
        "years",
        "month",
        "months",
        "per",
        "not",
        "but",
        "all",
        "other",
        "such",
        "will",
        "would",
        "can",
        "may",
    ];
    // A set, not a scan of the list: every word of every sentence with a figure asks.
    static SET: std::sync::OnceLock<std::collections::HashSet<&str, crate::fasthash::FxBuild>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOP.iter().copied().collect())
        .contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_stopwords() {
        assert_eq!(fold("Élevé"), "eleve");
        assert!(fold_starts_with("Élevé", "elev") && fold_starts_with("Élevé", ""));
        assert!(!fold_starts_with("Élevé", "eleves") && !fold_starts_with("Él", "ela"));
        assert!(is_stopword("etaient"));
        // The ASCII path answers as the folding does.
        for w in ["Exports", "EXPORTS", "exp", "", "x9Y"] {
            for p in [
                "exp", "export", "exports", "exportsx", "", "x9y", "X9y", "é",
            ] {
                let slow = {
                    let mut f = folded(w);
                    p.chars().all(|c| f.next() == Some(c))
                };
                assert_eq!(fold_starts_with(w, p), slow, "{w} {p}");
            }
        }
    }
}
