// Package score measures extraction against ground truth with the metrics of
// the benchmarks vendored in testdata/bench, ported from their Python
// reference scorers so that the figures are the same to the last bit:
//
//   - the body metric of the ScrapingHub article-extraction benchmark
//     (testdata/bench/score.py): Unicode \w+ tokens, 4-token shingles counted
//     as a multiset, TP/FP/FN normalised per page, corpus precision and recall
//     as means over the non-empty pages, F1 of the two means, accuracy as
//     exact token-sequence match, and an optional seeded bootstrap;
//   - the metadata fields score.py scores (title, byline, author, date,
//     site_name);
//   - the quotation metric of testdata/bench/quotes/score_quotes.py (span
//     precision, recall and F1, speaker accuracy, end-to-end figures).
//
// Python's semantics matter to the last digit: its \w, \s, str.lower and
// str.casefold differ from Go's nearest functions on some characters, and
// statistics.mean adds exactly. text.go and stats.go reproduce them;
// testdata/xcheck holds predictions with the Python scorers' output on them,
// which the tests compare with.
//
// Files:
//   - docs.go: ground-truth and prediction files (JSON object, wrapped, JSON Lines)
//   - body.go: the body metric
//   - meta.go: the metadata fields
//   - quotes.go: the quotation metric
//   - dataset.go: a benchmark directory (html/<id>.html[.gz], ground-truth.json)
//   - text.go, stats.go: Python's string and statistics semantics
//
// Package bench, below this one, runs the extractor over a dataset and scores
// it; cmd/byline-score is its command.
package score
