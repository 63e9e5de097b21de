using DataOps.Domain.Datasets;

namespace DataOps.Glean.Model;

/// <summary>Maps dataset types to connector kinds and Glean object types.</summary>
internal static class ConnectorKinds
{
    /// <summary>The connector kind of a dataset type (<c>confluence_pages</c> -> <c>confluence</c>).</summary>
    public static ConnectorType ToConnectorType(DatasetType type) => type switch
    {
        DatasetType.ConfluencePages => ConnectorType.Confluence,
        DatasetType.GithubRepos => ConnectorType.Github,
        DatasetType.SlackMessages => ConnectorType.Slack,
        DatasetType.JiraIssues => ConnectorType.Jira,
        DatasetType.Custom => ConnectorType.Custom,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dataset type"),
    };

    /// <summary>The dataset type of a connector kind.</summary>
    public static DatasetType ToDatasetType(ConnectorType type) => type switch
    {
        ConnectorType.Confluence => DatasetType.ConfluencePages,
        ConnectorType.Github => DatasetType.GithubRepos,
        ConnectorType.Slack => DatasetType.SlackMessages,
        ConnectorType.Jira => DatasetType.JiraIssues,
        ConnectorType.Custom => DatasetType.Custom,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown connector type"),
    };

    /// <summary>The Glean object type of a dataset type's documents (no spaces or underscores).</summary>
    public static string ObjectType(DatasetType type) => type switch
    {
        DatasetType.ConfluencePages => "Page",
        DatasetType.GithubRepos => "Repository",
        DatasetType.SlackMessages => "Message",
        DatasetType.JiraIssues => "Issue",
        DatasetType.Custom => "Document",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dataset type"),
    };
}
