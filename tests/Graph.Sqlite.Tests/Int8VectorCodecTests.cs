using System.Numerics.Tensors;
using CiteGraph.Graph.Storage;
using FsCheck.Xunit;

namespace CiteGraph.Graph.Tests.Storage;

public sealed class Int8VectorCodecTests
{
    [Property(MaxTest = 200)]
    public bool A_decoded_unit_vector_points_where_the_original_did(int seed, byte dimensions)
    {
        var random = new Random(seed);
        var v = Enumerable.Range(0, dimensions % 400 + 8).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);

        var bytes = Int8VectorCodec.Encode(v);
        var decoded = Int8VectorCodec.Decode(bytes);

        return bytes.Length == 4 + v.Length
            && decoded.Length == v.Length
            && Math.Abs(TensorPrimitives.Norm(decoded) - 1f) < 1e-4f
            && TensorPrimitives.Dot(v, decoded) > 0.999f;
    }

    [Fact]
    public void A_zero_vector_stays_zero_and_a_short_blob_is_refused()
    {
        Assert.All(Int8VectorCodec.Decode(Int8VectorCodec.Encode(new float[5])), x => Assert.Equal(0f, x));
        Assert.Throws<FormatException>(() => Int8VectorCodec.Decode([1, 2]));
    }
}
