using DataOps.Domain.Datasets;

namespace DataOps.Functions.Registry;

/// <summary>One page of datasets and the token for the next (null on the last page).</summary>
public sealed record DatasetPage(IReadOnlyList<DatasetSnapshot> Items, string? ContinuationToken);
