using DataOps.Domain.Datasets;

namespace DataOps.Domain.Connectors;

/// <summary>The one-to-one mapping between <see cref="DatasetType"/> and <see cref="ConnectorType"/>.</summary>
public static class ConnectorTypeMapping
{
    /// <summary>The connector kind that serves a dataset type (<c>confluence_pages</c> -> <c>confluence</c>).</summary>
    public static ConnectorType ToConnectorType(this DatasetType datasetType) => datasetType switch
    {
        DatasetType.ConfluencePages => ConnectorType.Confluence,
        DatasetType.GithubRepos => ConnectorType.Github,
        DatasetType.SlackMessages => ConnectorType.Slack,
        DatasetType.JiraIssues => ConnectorType.Jira,
        DatasetType.Custom => ConnectorType.Custom,
        _ => throw new ArgumentOutOfRangeException(nameof(datasetType), datasetType, "Unknown dataset type."),
    };

    /// <summary>The dataset type a connector kind holds (<c>github</c> -> <c>github_repos</c>).</summary>
    public static DatasetType ToDatasetType(this ConnectorType connectorType) => connectorType switch
    {
        ConnectorType.Confluence => DatasetType.ConfluencePages,
        ConnectorType.Github => DatasetType.GithubRepos,
        ConnectorType.Slack => DatasetType.SlackMessages,
        ConnectorType.Jira => DatasetType.JiraIssues,
        ConnectorType.Custom => DatasetType.Custom,
        _ => throw new ArgumentOutOfRangeException(nameof(connectorType), connectorType, "Unknown connector type."),
    };
}
