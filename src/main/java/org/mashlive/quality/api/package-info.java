/**
 * What the quality-assurance view and other clients use: the routes of the weekly QA sample of
 * decisions, grading against the hub's checklist, a practitioner's own feedback, and the records
 * they take and answer. Nothing here names a child: a sampled decision is its reference, source,
 * RAG and the decision as recorded.
 */
@org.springframework.modulith.NamedInterface("api")
package org.mashlive.quality.api;
