namespace DataOps.Functions.Teardown;

/// <summary>What <c>POST /api/teardowns/{id}/cancel</c> and <c>/extend</c> answer: the control sent to the teardown.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="InstanceId">The teardown's orchestration.</param>
/// <param name="Action"><c>cancel</c> or <c>extend</c>.</param>
/// <param name="ExtendedByHours">The hours added, for an extension; null for a cancel.</param>
public sealed record TeardownControlAccepted(string DatasetId, string? InstanceId, string Action, int? ExtendedByHours);

/// <summary>What <c>POST /api/teardowns/{id}/terminate</c> answers: the termination sent to the teardown.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="InstanceId">The teardown's orchestration.</param>
/// <param name="RuntimeStatus">Always <c>Terminating</c>: the teardown stops at its next step.</param>
public sealed record TerminateAccepted(string DatasetId, string? InstanceId, string RuntimeStatus);
