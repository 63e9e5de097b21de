namespace DataOps.Functions.Operations.Queries;

/// <summary>One page of datasets.</summary>
/// <param name="Items">The datasets on the page.</param>
/// <param name="ContinuationToken">The token that reads the next page; null on the last.</param>
public sealed record DatasetList(IReadOnlyList<DatasetView> Items, string? ContinuationToken);
