namespace DataOps.Glean.Model;

/// <summary>A disconnected connector: now a test datasource with no beta users, so nobody sees it.</summary>
public sealed record ConnectorDisconnection(string ConnectorName, string DatasourceName, DateTimeOffset DisconnectedAt);
