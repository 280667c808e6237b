package io.earnorm.ra.bench.pool;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/** commons-pool2's counterpart of {@link NoOpBackend}: plain objects, nothing to validate or close. */
final class NoOpObjectFactory extends BasePooledObjectFactory<Object> {

    @Override
    public Object create() {
        return new Object();
    }

    @Override
    public PooledObject<Object> wrap(Object connection) {
        return new DefaultPooledObject<>(connection);
    }
}
