using System.Globalization;
using System.Text;
using DataOps.GleanEmulator.Contracts;
using DataOps.GleanEmulator.State;

namespace DataOps.GleanEmulator.Search;

/// <summary>
/// Term-frequency relevance over title (x3), container and tags (x2) and body (x1) of the documents that carry every
/// term of the query, filtered by datasource, with offset cursors. Enough for "does the connector answer queries", not
/// a ranking model.
/// </summary>
internal static class SearchEngine
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;
    private const int SnippetRadius = 80;

    public static OperationResult Validate(SearchRequest? request)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            return OperationResult.Unprocessable("query must not be empty");
        }

        if (Terms(request.Query).Count == 0)
        {
            return OperationResult.Unprocessable($"query '{request.Query}' has no searchable term");
        }

        if (request.RequestOptions is { FacetBucketSize: null })
        {
            return OperationResult.BadRequest("requestOptions.facetBucketSize is required when requestOptions is sent");
        }

        if (request.PageSize is < 1 or > MaxPageSize)
        {
            return OperationResult.BadRequest($"pageSize must be between 1 and {MaxPageSize}");
        }

        if (request.TimeoutMillis is < 0)
        {
            return OperationResult.BadRequest("timeoutMillis must not be negative");
        }

        return request.Cursor is { } cursor && DecodeCursor(cursor) is null
            ? OperationResult.BadRequest("cursor is not one this server issued")
            : OperationResult.Ok();
    }

    public static SearchResponse Run(SearchRequest request, IReadOnlyList<StoredDocument> documents, long backendMillis)
    {
        var terms = Terms(request.Query!);
        var ranked = documents
            .Select(d => (Document: d, Score: Score(d.Definition, terms)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Document.Definition.Datasource, StringComparer.Ordinal)
            .ThenBy(x => x.Document.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var offset = request.Cursor is { } cursor ? DecodeCursor(cursor)!.Value : 0;
        var pageSize = request.PageSize ?? DefaultPageSize;
        var page = ranked.Skip(offset).Take(pageSize).Select(x => ToResult(x.Document, terms)).ToList();
        var more = offset + page.Count < ranked.Count;
        return new SearchResponse(
            page,
            more ? EncodeCursor(offset + page.Count) : null,
            more,
            Guid.NewGuid().ToString("N"),
            backendMillis);
    }

    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                terms.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            terms.Add(current.ToString());
        }

        return terms;
    }

    private static int Score(DocumentDefinition document, IReadOnlyList<string> terms)
    {
        var title = Terms(document.Title ?? string.Empty);
        var body = Terms(document.Body?.TextContent ?? string.Empty);
        var container = Terms(document.Container ?? string.Empty);
        var tags = (document.Tags ?? []).SelectMany(Terms).ToList();
        var score = 0;
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            var termScore = (3 * Count(title, term)) + Count(body, term) + (2 * Count(container, term)) + (2 * Count(tags, term));
            if (termScore == 0)
            {
                // Every term must match: a document missing one is no result.
                return 0;
            }

            score += termScore;
        }

        return score;
    }

    private static int Count(IReadOnlyList<string> tokens, string term) => tokens.Count(t => t == term);

    private static SearchResult ToResult(StoredDocument stored, IReadOnlyList<string> terms)
    {
        var d = stored.Definition;
        var metadata = new SearchDocumentMetadata(d.Datasource!, d.ObjectType, d.Container, d.Id!, Iso(d.CreatedAt), Iso(d.UpdatedAt));
        return new SearchResult(
            d.ViewUrl,
            d.Title,
            [new SearchSnippet(Snippet(d.Body?.TextContent ?? d.Title ?? string.Empty, terms))],
            new SearchDocument(d.Id!, d.Datasource!, d.ObjectType, d.Title, d.ViewUrl, metadata));
    }

    private static string Snippet(string text, IReadOnlyList<string> terms)
    {
        var at = terms.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - SnippetRadius);
        var length = Math.Min(text.Length - start, 2 * SnippetRadius);
        return text.Substring(start, length);
    }

    private static string? Iso(long? epochSeconds) =>
        epochSeconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s).UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : null;

    private static string EncodeCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int? DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
