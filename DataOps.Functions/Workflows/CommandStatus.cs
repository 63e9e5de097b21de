namespace DataOps.Functions.Workflows;

/// <summary>How a command ended (see <see cref="CommandResult"/>).</summary>
public enum CommandStatus
{
    /// <summary>It was carried out, or was already under way.</summary>
    Accepted,

    /// <summary>What it names does not exist.</summary>
    NotFound,

    /// <summary>What it names cannot do that now.</summary>
    Refused,
}
