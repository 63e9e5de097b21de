using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Templates;

/// <summary>
/// The fields every template of a dataset type must declare (the Glean document transformers rely on them),
/// with their types. Optional canonical fields (<c>thread_id</c>, <c>epic_key</c>) may be null in records.
/// </summary>
internal static class CanonicalFields
{
    private static readonly (string Name, FieldType Type)[] Common =
        [("id", FieldType.String), ("url", FieldType.Url), ("created_at", FieldType.DateTime), ("updated_at", FieldType.DateTime)];

    private static readonly Dictionary<DatasetType, (string Name, FieldType Type)[]> PerType = new()
    {
        [DatasetType.ConfluencePages] =
        [
            ("title", FieldType.String), ("body", FieldType.Text), ("space_key", FieldType.String), ("author_name", FieldType.String),
            ("author_email", FieldType.Email), ("labels", FieldType.StringList), ("content_type", FieldType.String),
        ],
        [DatasetType.GithubRepos] =
        [
            ("name", FieldType.String), ("full_name", FieldType.String), ("description", FieldType.String), ("readme", FieldType.Text),
            ("language", FieldType.String), ("topics", FieldType.StringList), ("stars", FieldType.Integer), ("owner_name", FieldType.String),
            ("owner_email", FieldType.Email),
        ],
        [DatasetType.SlackMessages] =
        [
            ("channel", FieldType.String), ("text", FieldType.Text), ("user_name", FieldType.String), ("user_email", FieldType.Email),
            ("thread_id", FieldType.String),
        ],
        [DatasetType.JiraIssues] =
        [
            ("key", FieldType.String), ("summary", FieldType.String), ("description", FieldType.Text), ("issue_type", FieldType.String),
            ("status", FieldType.String), ("priority", FieldType.String), ("project_key", FieldType.String), ("assignee_email", FieldType.Email),
            ("reporter_email", FieldType.Email), ("labels", FieldType.StringList), ("epic_key", FieldType.String),
        ],
        [DatasetType.Custom] = [("title", FieldType.String), ("body", FieldType.Text)],
    };

    private static readonly HashSet<string> Optional = new(StringComparer.Ordinal) { "thread_id", "epic_key" };

    /// <summary>The canonical fields of a dataset type, common ones first.</summary>
    public static IReadOnlyList<(string Name, FieldType Type)> For(DatasetType datasetType) => [.. Common, .. PerType[datasetType]];

    /// <summary>Whether a canonical field may be absent or null in a record.</summary>
    public static bool IsOptional(string name) => Optional.Contains(name);

    /// <summary>Whether a declared type is acceptable for a canonical field (long text may stand in for short and vice versa).</summary>
    public static bool IsCompatible(FieldType expected, FieldType declared)
        => expected == declared || (expected is FieldType.String or FieldType.Text && declared is FieldType.String or FieldType.Text);
}
