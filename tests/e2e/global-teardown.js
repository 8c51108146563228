module.exports = async () => {
  require('./server').stop();
};
