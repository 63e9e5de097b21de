using Azure;

namespace DataOps.Storage.Internal;

/// <summary>A <see cref="NullableResponse{T}"/> without a value (for example: the entity does not exist).</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    private readonly Response _response = response;

    public override bool HasValue => false;

    public override T Value => throw new InvalidOperationException("The response has no value; check HasValue first.");

    public override Response GetRawResponse() => _response;
}
