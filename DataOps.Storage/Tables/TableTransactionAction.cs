using Azure;

namespace DataOps.Storage.Tables;

/// <summary>One action of an entity-group transaction.</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity (for deletes only its keys matter).</param>
/// <param name="ETag">Condition for updates and deletes; default means unconditional.</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, ITableEntity Entity, ETag ETag = default);
