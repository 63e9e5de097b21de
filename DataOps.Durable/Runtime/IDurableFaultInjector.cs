namespace DataOps.Durable.Runtime;

/// <summary>Points in the commit protocol where tests inject crashes.</summary>
internal enum FaultPoint
{
    /// <summary>Outbound messages are sent; history is not yet written.</summary>
    AfterSendBeforeHistory,

    /// <summary>History is written; the instance row is not yet updated.</summary>
    AfterHistoryBeforeInstance,

    /// <summary>An activity is about to run (a throw here counts as a failed delivery, not an activity failure).</summary>
    BeforeActivity,
}

/// <summary>Test hook: called at each <see cref="FaultPoint"/>; throwing aborts the work in progress.</summary>
internal interface IDurableFaultInjector
{
    ValueTask OnAsync(FaultPoint point, string instanceId, string? taskName, CancellationToken cancellationToken);
}
