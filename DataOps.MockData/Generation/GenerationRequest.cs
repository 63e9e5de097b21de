namespace DataOps.MockData.Generation;

/// <summary>What to generate: whose dataset (the seed), how many records and the date the history ends at.</summary>
/// <param name="ClientId">The client; the same client id always yields the same records for a template and count.</param>
/// <param name="RecordCount">Records to generate; null for the template's (or the type's) default.</param>
/// <param name="BaseDate">The "now" of the dataset: every created_at/updated_at lies before it. An input, so the generator never reads a clock.</param>
public sealed record GenerationRequest(string ClientId, int? RecordCount, DateTimeOffset BaseDate);
