using DataOps.Domain.Datasets;

namespace DataOps.Domain.Templates;

/// <summary>
/// The canonical record fields per dataset type: every type has <c>id</c>, <c>url</c>, <c>created_at</c>,
/// <c>updated_at</c>, plus its own (e.g. Confluence <c>title</c>, <c>body</c>, <c>space_key</c>, <c>author_name</c>,
/// <c>author_email</c>, <c>labels</c>, <c>content_type</c>). Templates may add more.
/// </summary>
public static class CanonicalFields
{
    private static readonly FieldType[] _text = [FieldType.String, FieldType.Text];
    private static readonly FieldType[] _email = [FieldType.Email];
    private static readonly FieldType[] _list = [FieldType.StringList];

    private static readonly CanonicalField[] _common =
    [
        new("id", [FieldType.String]),
        new("url", [FieldType.Url]),
        new("created_at", [FieldType.DateTime]),
        new("updated_at", [FieldType.DateTime]),
    ];

    private static readonly Dictionary<DatasetType, CanonicalField[]> _specific = new()
    {
        [DatasetType.ConfluencePages] =
        [
            new("title", _text), new("body", _text), new("space_key", _text), new("author_name", _text),
            new("author_email", _email), new("labels", _list), new("content_type", _text),
        ],
        [DatasetType.GithubRepos] =
        [
            new("name", _text), new("full_name", _text), new("description", _text), new("readme", _text),
            new("language", _text), new("topics", _list), new("stars", [FieldType.Integer]), new("owner_name", _text),
            new("owner_email", _email),
        ],
        [DatasetType.SlackMessages] =
        [
            new("channel", _text), new("text", _text), new("user_name", _text), new("user_email", _email),
            new("thread_id", _text, Optional: true),
        ],
        [DatasetType.JiraIssues] =
        [
            new("key", _text), new("summary", _text), new("description", _text), new("issue_type", _text),
            new("status", _text), new("priority", _text), new("project_key", _text), new("assignee_email", _email),
            new("reporter_email", _email), new("labels", _list), new("epic_key", _text, Optional: true),
        ],
        [DatasetType.Custom] = [new("title", _text), new("body", _text)],
    };

    /// <summary>The canonical fields of a dataset type, common ones first.</summary>
    public static IReadOnlyList<CanonicalField> For(DatasetType datasetType)
        => _specific.TryGetValue(datasetType, out var specific)
            ? [.. _common, .. specific]
            : throw new ArgumentOutOfRangeException(nameof(datasetType), datasetType, "Unknown dataset type.");
}
