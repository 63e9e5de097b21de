namespace DataOps.Glean.Wire;

internal sealed record SearchRequest
{
    public required string Query { get; init; }

    public int? PageSize { get; init; }

    public string? Cursor { get; init; }

    public int? TimeoutMillis { get; init; }

    public SearchRequestOptions? RequestOptions { get; init; }
}

internal sealed record SearchRequestOptions
{
    public int FacetBucketSize { get; init; } = 10;

    public string? DatasourceFilter { get; init; }

    public IReadOnlyList<string>? DatasourcesFilter { get; init; }
}

internal sealed record SearchResponse(IReadOnlyList<SearchResult>? Results, string? Cursor, bool HasMoreResults, string? RequestID, long BackendTimeMillis);

internal sealed record SearchResult(string? Url, string? Title, IReadOnlyList<SearchSnippet>? Snippets, SearchDocument? Document);

internal sealed record SearchSnippet(string? Snippet);

internal sealed record SearchDocument(string? Id, string? Datasource, string? DocType, string? Title, string? Url, SearchDocumentMetadata? Metadata);

internal sealed record SearchDocumentMetadata(string? Datasource, string? ObjectType, string? Container, string? DocumentId, string? CreateTime, string? UpdateTime);
