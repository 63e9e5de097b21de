namespace DataOps.Functions.Workflows;

/// <summary>
/// How a command that starts or stops a workflow ended: accepted (with the instance it concerns), the thing it names
/// does not exist, or refused for a reason the caller can read. The HTTP functions map it to 202, 404 and 409.
/// </summary>
/// <param name="Status">How it ended.</param>
/// <param name="InstanceId">The instance the command started, found running or stopped; null unless accepted.</param>
/// <param name="Refusal">Why it was refused, in a sentence; null unless refused.</param>
public sealed record CommandResult(CommandStatus Status, string? InstanceId = null, string? Refusal = null)
{
    /// <summary>The thing the command names does not exist.</summary>
    public static CommandResult NotFound { get; } = new(CommandStatus.NotFound);

    /// <summary>Accepted: <paramref name="instanceId"/> was started, is running or is being stopped.</summary>
    public static CommandResult Accepted(string instanceId) => new(CommandStatus.Accepted, InstanceId: instanceId);

    /// <summary>Refused now, for <paramref name="reason"/>.</summary>
    public static CommandResult Refused(string reason) => new(CommandStatus.Refused, Refusal: reason);
}
