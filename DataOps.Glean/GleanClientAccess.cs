namespace DataOps.Glean;

/// <summary>
/// The people of one client who see its test datasources (<c>Glean:Clients:{clientId}</c>), by the stage rules of
/// <see cref="DataOps.Domain.Connectors.DatasourceAccess"/>: the SE team sees sandbox and pilot, the pilot users pilot.
/// </summary>
internal sealed class GleanClientAccess
{
    /// <summary>Comma-separated e-mails of the client's solutions-engineering team.</summary>
    public string? SeTeam { get; set; }

    /// <summary>Comma-separated e-mails of the client's pilot users.</summary>
    public string? PilotUsers { get; set; }
}
