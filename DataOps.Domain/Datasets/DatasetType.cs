using System.Text.Json.Serialization;

namespace DataOps.Domain.Datasets;

/// <summary>
/// The kind of records a dataset holds. Wire names: <c>confluence_pages</c>, <c>github_repos</c>,
/// <c>slack_messages</c>, <c>jira_issues</c>, <c>custom</c>.
/// </summary>
[JsonConverter(typeof(WireNameJsonConverter<DatasetType>))]
public enum DatasetType
{
    /// <summary>Confluence pages.</summary>
    ConfluencePages,

    /// <summary>GitHub repositories.</summary>
    GithubRepos,

    /// <summary>Slack messages.</summary>
    SlackMessages,

    /// <summary>Jira issues.</summary>
    JiraIssues,

    /// <summary>Anything else, described by its template.</summary>
    Custom,
}
