module.exports = {
  meta: { name: 'relais' },
  rules: { 'guarded-resolvers': require('./guarded-resolvers.cjs') },
};
