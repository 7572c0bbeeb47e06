// Invariants shared by the fuzz targets.
use numlint::document::Document;

/// Every span numlint reports lies inside the original and on char boundaries.
pub fn assert_span(doc: &Document, span: &std::ops::Range<usize>) {
    assert!(span.start <= span.end, "reversed span {span:?}");
    assert!(span.end <= doc.text.len(), "span {span:?} past end {}", doc.text.len());
    assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
}
