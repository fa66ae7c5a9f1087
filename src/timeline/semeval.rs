//! The SemEval-2015 Task 4 timeline format, and a scorer for it.
//!
//! A timeline file has the target entity on its first line, then one line
//! per event (or set of co-referent event mentions):
//! `rank<TAB>date<TAB>docid-sentence-word[<TAB>docid-sentence-word...]`.
//! `date` is `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `XXXX-XX-XX` for an undated
//! event; `word` is the trigger with spaces as `_`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// How a system timeline compares with a gold one (see
/// [`evaluate_timeline`] for the metric).
///
/// ```
/// use chronoline::evaluate_timeline;
/// let gold = "iPhone 4\n1\t2010-06\t16844-2-unveiled\n2\t2010-06-24\t16900-12-release\n";
/// let system = "iPhone 4\n1\t2010-06-07\t16844-2-unveiled\n2\t2010-06-24\t16900-12-release\t16900-3-sold\n";
/// let scores = evaluate_timeline(gold, system).unwrap();
/// assert_eq!((scores.gold, scores.predicted, scores.matched), (2, 3, 2));
/// assert_eq!(scores.recall, 1.0);
/// assert_eq!(scores.tau, Some(1.0));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineScores {
    /// Gold (mention, date) pairs.
    pub gold: usize,
    /// System (mention, date) pairs.
    pub predicted: usize,
    /// System pairs whose mention and date match the gold.
    pub matched: usize,
    /// `matched / predicted` (0 when nothing was predicted).
    pub precision: f64,
    /// `matched / gold` (0 when the gold is empty).
    pub recall: f64,
    /// The harmonic mean of precision and recall.
    pub f1: f64,
    /// Kendall's tau-b of the ranks of the matched mentions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tau: Option<f64>,
}

impl TimelineScores {
    /// The mean of each measure over several timelines (the counts are
    /// summed; `tau` is the mean of the timelines that have one).
    ///
    /// ```
    /// use chronoline::TimelineScores;
    /// let a = TimelineScores { f1: 0.5, tau: Some(1.0), ..Default::default() };
    /// let b = TimelineScores { f1: 0.3, tau: None, ..Default::default() };
    /// let mean = TimelineScores::macro_average(&[a, b]);
    /// assert!((mean.f1 - 0.4).abs() < 1e-12);
    /// assert_eq!(mean.tau, Some(1.0));
    /// ```
    pub fn macro_average(scores: &[TimelineScores]) -> TimelineScores {
        if scores.is_empty() {
            return TimelineScores::default();
        }
        let n = scores.len() as f64;
        let taus: Vec<f64> = scores.iter().filter_map(|s| s.tau).collect();
        TimelineScores {
            gold: scores.iter().map(|s| s.gold).sum(),
            predicted: scores.iter().map(|s| s.predicted).sum(),
            matched: scores.iter().map(|s| s.matched).sum(),
            precision: scores.iter().map(|s| s.precision).sum::<f64>() / n,
            recall: scores.iter().map(|s| s.recall).sum::<f64>() / n,
            f1: scores.iter().map(|s| s.f1).sum::<f64>() / n,
            tau: (!taus.is_empty()).then(|| taus.iter().sum::<f64>() / taus.len() as f64),
        }
    }
}

/// One line's worth of a mention: its rank and date.
struct Placed {
    rank: u64,
    date: String,
}

/// The mentions of a timeline file, by `(docid, sentence, word)`.
fn parse(text: &str, what: &str) -> Result<HashMap<(String, String, String), Placed>, Error> {
    let mut mentions = HashMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || (number == 0 && !line.contains('\t')) {
            continue;
        }
        let mut fields = line.split('\t');
        let bad = |why: &str| {
            Error::parse(format!(
                "{what} timeline, line {}: {why}: expected rank<TAB>date<TAB>docid-sentence-word",
                number + 1
            ))
        };
        let rank: u64 = fields
            .next()
            .and_then(|r| r.trim().parse().ok())
            .ok_or_else(|| bad("the rank is not a number"))?;
        let date = fields
            .next()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .ok_or_else(|| bad("no date"))?;
        let mut any = false;
        for mention in fields.map(str::trim).filter(|m| !m.is_empty()) {
            let mut parts = mention.splitn(3, '-');
            let (Some(doc), Some(sentence), Some(word)) =
                (parts.next(), parts.next(), parts.next())
            else {
                return Err(bad(&format!(
                    "mention {mention:?} is not docid-sentence-word"
                )));
            };
            any = true;
            mentions
                .entry((doc.to_string(), sentence.to_string(), word.to_lowercase()))
                .or_insert(Placed {
                    rank,
                    date: date.to_string(),
                });
        }
        if !any {
            return Err(bad("no mention"));
        }
    }
    Ok(mentions)
}

/// The specified part of a date: its components up to the first one with
/// an `X` ("2007-09" of `2007-09-XX`, the empty string for `XXXX-XX-XX`
/// or a mistyped `XXX-XX-XX`).
fn specified(date: &str) -> &str {
    let mut end = 0;
    for (i, component) in date.split('-').enumerate() {
        if component.contains(['X', 'x']) {
            break;
        }
        end += component.len() + usize::from(i > 0);
    }
    date.get(..end).unwrap_or("")
}

/// Whether a system date equals a gold date at the gold's granularity.
fn date_matches(gold: &str, system: &str) -> bool {
    let (gold, system) = (specified(gold), specified(system));
    if gold.is_empty() || system.is_empty() {
        return gold.is_empty() && system.is_empty();
    }
    match system.strip_prefix(gold) {
        Some(rest) => rest.is_empty() || rest.starts_with(['-', 'T']),
        None => false,
    }
}

/// Scores a system timeline against a gold one, both in the SemEval-2015
/// Task 4 format. Errors name the line that is not in the format.
///
/// A timeline file has the target entity on its first line, then one line
/// per event (or set of co-referent event mentions):
/// `rank<TAB>date<TAB>docid-sentence-word[<TAB>docid-sentence-word...]`.
/// `date` is `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `XXXX-XX-XX` for an undated
/// event; `word` is the trigger with spaces as `_`.
///
/// # The metric
///
/// It compares a system timeline with a gold one as sets
/// of (mention, date) pairs, a mention being `docid-sentence-word` (the word
/// compared without case):
///
/// - a system pair is correct when the gold has the same mention and the
///   system date equals the gold date **at the gold's granularity**: gold
///   `2010-06` accepts `2010-06` and `2010-06-07`, not `2010`; a gold date
///   with unknown parts is a date at the granularity of its known ones
///   (`2007-09-XX` is September 2007, `2010-XX-XX` the year 2010); gold
///   `XXXX-XX-XX` (all unknown) accepts only an undated system event;
/// - precision is correct pairs over system pairs, recall correct pairs over
///   gold pairs, F1 their harmonic mean;
/// - `tau` is Kendall's tau-b between the gold ranks and the system ranks of
///   the correctly matched mentions (ties in either ranking allowed), `None`
///   with fewer than two matched mentions or when either ranking is all
///   ties.
///
/// This is not the official SemEval-2015 measure (which scores a temporal
/// graph); it is simpler to read and still rewards dating and ordering the
/// right events.
pub fn evaluate_timeline(gold: &str, predicted: &str) -> Result<TimelineScores, Error> {
    let gold = parse(gold, "gold")?;
    let system = parse(predicted, "system")?;
    let mut ranks: Vec<(u64, u64)> = Vec::new();
    for (mention, placed) in &system {
        if let Some(truth) = gold.get(mention) {
            if date_matches(&truth.date, &placed.date) {
                ranks.push((truth.rank, placed.rank));
            }
        }
    }
    let matched = ranks.len();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(matched, system.len());
    let recall = ratio(matched, gold.len());
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Ok(TimelineScores {
        gold: gold.len(),
        predicted: system.len(),
        matched,
        precision,
        recall,
        f1,
        tau: kendall_tau_b(&ranks),
    })
}

/// Kendall's tau-b of paired ranks.
fn kendall_tau_b(pairs: &[(u64, u64)]) -> Option<f64> {
    let (mut concordant, mut discordant, mut tied_gold, mut tied_system) = (0i64, 0i64, 0i64, 0i64);
    for (i, a) in pairs.iter().enumerate() {
        for b in &pairs[i + 1..] {
            let gold = a.0.cmp(&b.0);
            let system = a.1.cmp(&b.1);
            use std::cmp::Ordering::Equal;
            match (gold, system) {
                (Equal, Equal) => {
                    tied_gold += 1;
                    tied_system += 1;
                }
                (Equal, _) => tied_gold += 1,
                (_, Equal) => tied_system += 1,
                (g, s) if g == s => concordant += 1,
                _ => discordant += 1,
            }
        }
    }
    let n = pairs.len() as i64;
    let all = n * (n - 1) / 2;
    let denominator = (((all - tied_gold) * (all - tied_system)) as f64).sqrt();
    (denominator > 0.0).then(|| (concordant - discordant) as f64 / denominator)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "Beatles Apple Corps\n\
        0\tXXXX-XX-XX\t4596-6-sued\n\
        1\t1968\t4596-16-founded\n\
        2\t1989\t4596-8-file\n\
        2\t1989\t4596-8-suit\n\
        3\t2006-03\t4596-2-filed\n\
        4\t2006-03-28\t4596-3-claims\t4954-3-Claimed\n";

    #[test]
    fn a_perfect_timeline_scores_one() {
        let scores = evaluate_timeline(GOLD, GOLD).unwrap();
        assert_eq!(scores.gold, 7);
        assert_eq!(scores.matched, 7);
        assert_eq!(
            (scores.precision, scores.recall, scores.f1),
            (1.0, 1.0, 1.0)
        );
        assert_eq!(scores.tau, Some(1.0));
    }

    #[test]
    fn dates_match_at_the_gold_granularity() {
        assert!(date_matches("2006-03", "2006-03-28"));
        assert!(date_matches("2006", "2006-03"));
        assert!(date_matches("2006-03-28", "2006-03-28"));
        assert!(!date_matches("2006-03-28", "2006-03"));
        assert!(!date_matches("2006-03", "2006-04-01"));
        assert!(!date_matches("200", "2006"));
        assert!(date_matches("XXXX-XX-XX", "XXXX-XX-XX"));
        assert!(!date_matches("XXXX-XX-XX", "2006"));
        assert!(!date_matches("2006", "XXXX-XX-XX"));
        // Unknown parts: the gold is as coarse as its known parts.
        assert!(date_matches("2007-09-XX", "2007-09-05"));
        assert!(date_matches("2010-XX-XX", "2010-06-07"));
        assert!(!date_matches("2007-09-XX", "2007"));
        assert!(!date_matches("2007-09-XX", "2007-10-01"));
        assert!(date_matches("XXX-XX-XX", "XXXX-XX-XX"));
        assert_eq!(specified("2008-03-XX"), "2008-03");
    }

    #[test]
    fn wrong_dates_missing_and_extra_mentions_cost() {
        let system = "Beatles Apple Corps\n\
            0\tXXXX-XX-XX\t4596-6-sued\n\
            1\t1968-05\t4596-16-founded\n\
            2\t1990\t4596-8-file\n\
            3\t2006-03-02\t4596-2-filed\t4596-9-extra\n\
            4\t2006-03-28\t4954-3-claimed\n";
        let scores = evaluate_timeline(GOLD, system).unwrap();
        // sued, founded, filed, claimed match; file has the wrong year.
        assert_eq!((scores.gold, scores.predicted, scores.matched), (7, 6, 4));
        assert!((scores.precision - 4.0 / 6.0).abs() < 1e-12);
        assert!((scores.recall - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(scores.tau, Some(1.0));
    }

    #[test]
    fn tau_sees_a_reversed_order() {
        let system = "x\n\
            5\t1968\t4596-16-founded\n\
            4\t1989\t4596-8-file\n\
            3\t2006-03\t4596-2-filed\n";
        let scores = evaluate_timeline(GOLD, system).unwrap();
        assert_eq!(scores.matched, 3);
        assert_eq!(scores.tau, Some(-1.0));
        assert_eq!(kendall_tau_b(&[(1, 1)]), None);
        assert_eq!(kendall_tau_b(&[(1, 1), (1, 2)]), None);
    }

    #[test]
    fn malformed_lines_are_errors_that_name_the_line() {
        let err = evaluate_timeline("e\n1\t2006\n", "e\n").unwrap_err();
        assert!(err
            .to_string()
            .contains("gold timeline, line 2: no mention"));
        let err = evaluate_timeline("e\n", "e\none\t2006\t1-2-x\n").unwrap_err();
        assert!(err.to_string().contains("system timeline, line 2"));
        let err = evaluate_timeline("e\n1\t2006\tnodashes\n", "").unwrap_err();
        assert!(err.to_string().contains("not docid-sentence-word"));
    }

    #[test]
    fn empty_timelines_score_zero() {
        let scores = evaluate_timeline("e\n", "e\n").unwrap();
        assert_eq!((scores.f1, scores.tau), (0.0, None));
    }
}
