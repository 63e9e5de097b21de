using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// The wording for connector names another client's datasets hold. Connector names are made of the client name, stage
/// and type, so two clients given the same client name clash; the refusal says so without naming the other client or
/// its datasets, which the caller may not be allowed to see.
/// </summary>
internal static class ConnectorNameClash
{
    /// <summary>Why <paramref name="clientId"/> cannot have the named connectors.</summary>
    public static string Describe(ClientId clientId, IReadOnlyList<string> connectorNames)
    {
        ArgumentNullException.ThrowIfNull(connectorNames);
        var names = string.Join(", ", connectorNames.Select(n => $"'{n}'"));
        var subject = connectorNames.Count == 1 ? $"Connector name {names} is" : $"Connector names {names} are";
        return $"{subject} in use by another client's dataset. A connector name is made of the client name, stage and type and is "
            + $"unique across clients: give client '{clientId.Value}' a client name no other client uses.";
    }
}
