namespace DataOps.Durable.Runtime;

/// <summary>Where an outbound message goes.</summary>
internal enum MessageTarget
{
    /// <summary>The control queue of the target instance's partition.</summary>
    Control,

    /// <summary>The shared work-item queue (activities).</summary>
    WorkItem,
}
