namespace DataOps.Domain.Connectors;

/// <summary>A group of a client's people who may see one of its test (sandbox or pilot) datasources in Glean.</summary>
public enum DatasourceAudience
{
    /// <summary>The client's solutions-engineering team (read/write in sandbox and pilot).</summary>
    ClientSeTeam,

    /// <summary>The client's pilot users (read-only in pilot).</summary>
    ClientPilotUsers,
}
