using DataOps.Domain.Datasets;

namespace DataOps.Domain.Connectors;

/// <summary>The connector naming convention <c>{clientName}-{stage}-{connectorType}</c> (Decisions table).</summary>
public static class ConnectorNaming
{
    /// <summary>The connector name for a client, stage and connector type, e.g. <c>ACME-sandbox-confluence</c>.</summary>
    public static ConnectorName For(ClientName clientName, Stage stage, ConnectorType connectorType)
    {
        if (string.IsNullOrEmpty(clientName.Value))
        {
            throw new ArgumentException("The client name must not be the default value.", nameof(clientName));
        }

        return ConnectorName.FromParts(clientName, stage, connectorType);
    }

    /// <summary>The connector name for the connector serving a dataset type, e.g. <c>ACME-pilot-jira</c> for <c>jira_issues</c>.</summary>
    public static ConnectorName For(ClientName clientName, Stage stage, DatasetType datasetType)
        => For(clientName, stage, datasetType.ToConnectorType());
}
