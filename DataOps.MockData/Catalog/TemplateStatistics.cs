namespace DataOps.MockData.Catalog;

/// <summary>
/// Statistics of a template: over its hand-written samples and over a preview generated from it with a fixed
/// seed (the preview shows what a dataset will look like; the samples what the author wrote).
/// </summary>
/// <param name="SampleRecords">Number of sample records analysed.</param>
/// <param name="PreviewRecords">Number of generated preview records analysed.</param>
/// <param name="Fields">Per-field statistics over samples and preview together, in schema order.</param>
public sealed record TemplateStatistics(int SampleRecords, int PreviewRecords, IReadOnlyList<FieldStatistics> Fields);
