namespace DataOps.Domain.Datasets;

/// <summary>The Glean connector kind; the short form of <see cref="DatasetType"/>. Wire names: <c>confluence</c>, <c>github</c>, <c>slack</c>, <c>jira</c>, <c>custom</c>.</summary>
public enum ConnectorType
{
    /// <summary>Confluence.</summary>
    Confluence,

    /// <summary>GitHub.</summary>
    Github,

    /// <summary>Slack.</summary>
    Slack,

    /// <summary>Jira.</summary>
    Jira,

    /// <summary>A custom datasource.</summary>
    Custom,
}
