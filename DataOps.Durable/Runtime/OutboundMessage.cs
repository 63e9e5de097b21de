namespace DataOps.Durable.Runtime;

/// <summary>A message an episode sends before it commits its history.</summary>
internal sealed record OutboundMessage(MessageTarget Target, TaskMessage Message);
