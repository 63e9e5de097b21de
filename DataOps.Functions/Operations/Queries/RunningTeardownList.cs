namespace DataOps.Functions.Operations.Queries;

/// <summary>The running teardowns, as <c>GET /api/teardowns</c> answers.</summary>
/// <param name="Items">Each teardown still running that the caller may see.</param>
public sealed record RunningTeardownList(IReadOnlyList<RunningTeardown> Items);
